import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { FOREACH_TARGET_HANDLE, ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE, WHEN_TARGET_HANDLE } from '../../core/index.ts';
import type { ArgumentHandle, ResultField } from '../../core/index.ts';
import type { GraphNode } from '../../core/index.ts';
import { EffectBadge } from '../plan/EffectBadge.tsx';
import type { CallFlowNode } from './flowElements.ts';

/**
 * A call on the canvas: a header (id, tool, effect, problems) with the order-only handles,
 * its strips (a fan-out's "for each …", a condition's "only if …", failure and confirmation
 * badges; see layout/nodeSize.ts), then one row per handle: arguments on the left (inputs),
 * result fields on the right (outputs, nested paths flattened). A fan-out is drawn as a stack
 * of cards: one call that runs for each element. Handle ids are the argument names and field
 * paths, so they are stable across renders and saves. Everything shown comes from the core's
 * GraphNode.
 *
 * Handles are named graphics (role img): a name needs a role (axe: aria-prohibited-attr), and a
 * handle is dragged with the mouse, not operated by keys (the inspector's reference picker is
 * the keyboard way to connect), so it is not announced as a control.
 */
function ToolCallNodeComponent({ data, selected }: NodeProps<CallFlowNode>) {
  const node = data.node;
  const rows = Math.max(node.inputs.length, node.outputs.length, 1);
  const filled = new Set(node.filledArgs);
  const problems = node.diagnostics;
  const classes = ['call-card', `effect-${node.effect}`];
  if (selected) classes.push('is-selected');
  if (node.isOnCriticalPath) classes.push('is-critical');
  if (problems.severity === 'error') classes.push('has-errors');
  if (!node.toolKnown) classes.push('tool-unknown');
  if (node.behaviour?.forEach) classes.push('is-fanout');
  if (node.behaviour?.when) classes.push('is-conditional');

  return (
    <div className={classes.join(' ')} style={{ width: node.width, minHeight: node.height }}>
      <div className="call-card-head call-node-drag" title={node.description}>
        <Handle
          role="img"
          type="target"
          position={Position.Left}
          id={ORDER_TARGET_HANDLE}
          className="handle-order handle-order-in"
          aria-label={`Runs after (order-only) into ${node.id}`}
          title="Drop an order-only dependency here: this call runs after the other"
        />
        <div className="call-card-title">
          <span className="call-card-id">{node.id}</span>
          <span className="call-card-tool">{node.tool}</span>
        </div>
        <div className="call-card-tags">
          {node.isOnCriticalPath && (
            <span className="critical-mark" role="img" title="On the critical path" aria-label="On the critical path">
              ◆
            </span>
          )}
          {problems.severity && (
            <span
              className={`problem-mark problem-mark-${problems.severity}`}
              role="img"
              aria-label={problemText(problems.errors, problems.warnings)}
              title={problemText(problems.errors, problems.warnings)}
            >
              {problems.severity === 'error' ? '!' : '?'}
            </span>
          )}
          <EffectBadge effect={node.effect} />
        </div>
        <Handle
          role="img"
          type="source"
          position={Position.Right}
          id={ORDER_SOURCE_HANDLE}
          className="handle-order handle-order-out"
          aria-label={`Run after ${node.id} (order-only)`}
          title="Drag to another call's header: it runs after this one (no data flows)"
        />
      </div>
      {node.behaviour && <Strips node={node} behaviour={node.behaviour} />}
      <div className="call-card-rows">
        {Array.from({ length: rows }, (_, i) => (
          <div className="call-card-row" key={i}>
            {node.inputs[i] ? <InputRow nodeId={node.id} handle={node.inputs[i]} filled={filled.has(node.inputs[i].name)} /> : <span />}
            {node.outputs[i] ? <OutputRow nodeId={node.id} field={node.outputs[i]} /> : <span />}
          </div>
        ))}
      </div>
    </div>
  );
}

function Strips({ node, behaviour }: { node: GraphNode; behaviour: NonNullable<GraphNode['behaviour']> }) {
  return (
    <>
      {behaviour.forEach && (
        <div className="call-strip call-strip-each" title={behaviour.forEach.title}>
          <Handle
            role="img"
            type="target"
            position={Position.Left}
            id={FOREACH_TARGET_HANDLE}
            className="handle-strip"
            aria-label={`List that ${node.id} runs once for each element of`}
            title="Drop a list field here: this call runs once for each of its elements"
          />
          <span className="call-strip-icon" aria-hidden="true">
            ⟳
          </span>
          <span className="call-strip-text">{behaviour.forEach.text}</span>
        </div>
      )}
      {behaviour.when && (
        <div className="call-strip call-strip-when" title={behaviour.when.title}>
          <Handle
            role="img"
            type="target"
            position={Position.Left}
            id={WHEN_TARGET_HANDLE}
            className="handle-strip"
            isConnectable={false}
            aria-label={`What the condition of ${node.id} reads`}
          />
          <span className="call-strip-icon" aria-hidden="true">
            ?
          </span>
          <span className="call-strip-text">{behaviour.when.text}</span>
        </div>
      )}
      {(behaviour.failure || behaviour.confirm) && (
        <div className="call-strip call-strip-badges">
          {behaviour.failure && (
            <span className="call-badge call-badge-failure" title={behaviour.failure.title}>
              {behaviour.failure.text}
            </span>
          )}
          {behaviour.confirm && (
            <span className="call-badge call-badge-confirm" title={behaviour.confirm.title}>
              {behaviour.confirm.text}
            </span>
          )}
        </div>
      )}
    </>
  );
}

function InputRow({ nodeId, handle, filled }: { nodeId: string; handle: ArgumentHandle; filled: boolean }) {
  const types = handle.types.join(' | ') || 'any';
  return (
    <span
      className={`port port-in${filled ? ' is-filled' : ''}${handle.known ? '' : ' is-unknown'}`}
      title={`${handle.name}: ${types}${handle.description ? ` — ${handle.description}` : ''}`}
    >
      <Handle role="img" type="target" position={Position.Left} id={handle.name} className="handle-arg" aria-label={`Argument ${handle.name} of ${nodeId}`} />
      <span className="port-name">
        {handle.name}
        {handle.required && (
          <span className="port-required" role="img" aria-label="required">
            *
          </span>
        )}
      </span>
    </span>
  );
}

function OutputRow({ nodeId, field }: { nodeId: string; field: ResultField }) {
  const types = field.types.join(' | ') || 'any';
  return (
    <span className={`port port-out depth-${Math.min(field.depth, 4)}`} title={`${field.path}: ${types}${field.description ? ` — ${field.description}` : ''}`}>
      <span className="port-name">{field.label}</span>
      <Handle
        role="img"
        type="source"
        position={Position.Right}
        id={field.path}
        className={`handle-field${field.isList ? ' is-list' : ''}`}
        aria-label={`Result field ${field.path} of ${nodeId}`}
      />
    </span>
  );
}

function problemText(errors: number, warnings: number): string {
  const parts = [];
  if (errors) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

export const ToolCallNode = memo(ToolCallNodeComponent);
