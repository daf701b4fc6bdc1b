import type { ReactNode, RefObject } from 'react';
import type { ReferenceOption } from '../../core/index.ts';
import type { ReferenceGroup } from './referenceSearch.ts';

interface Props {
  id: string;
  /** Prefix of the option and group ids (useId of the owner). */
  baseId: string;
  /** The listbox's accessible name. */
  label: string;
  listRef: RefObject<HTMLDivElement | null>;
  groups: readonly ReferenceGroup[];
  activeIndex: number;
  onActive: (index: number) => void;
  onPick: (option: ReferenceOption) => void;
  /** A group's heading; by default the call id and its tool. */
  groupHead?: (group: ReferenceGroup) => ReactNode;
  /** More after an option's reference (its type, marks). */
  optionDetail?: (option: ReferenceOption) => ReactNode;
  /** Extra class names of an option. */
  optionClass?: (option: ReferenceOption) => string;
}

/** The id of the option at `index` of a listbox (for aria-activedescendant). */
export const optionId = (baseId: string, index: number): string => `${baseId}-option-${index}`;

/**
 * The options of the reference pickers (the argument's reference combobox, a template's
 * insertion list): an ARIA listbox of groups, one per call, each option its reference as
 * text. The owner keeps the focus in its input and moves `activeIndex`; the mouse hovers and
 * picks.
 */
export function ReferenceListbox({ id, baseId, label, listRef, groups, activeIndex, onActive, onPick, groupHead, optionDetail, optionClass }: Props) {
  let index = 0;
  return (
    <div ref={listRef} id={id} role="listbox" className="ref-list" aria-label={label}>
      {groups.map((group) => {
        const headId = `${baseId}-group-${group.callId || 'slots'}`;
        return (
          <div key={group.callId} role="group" aria-labelledby={headId} className="ref-group">
            <div id={headId} role="presentation" className="ref-group-head">
              {groupHead ? (
                groupHead(group)
              ) : (
                <>
                  <code>{group.callId}</code> <span className="ref-group-tool">{group.tool}</span>
                </>
              )}
            </div>
            {group.options.map((o) => {
              const i = index++;
              const extra = optionClass?.(o);
              return (
                <div
                  key={o.reference}
                  id={optionId(baseId, i)}
                  data-index={i}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={`ref-option${i === activeIndex ? ' is-active' : ''}${extra ? ` ${extra}` : ''}`}
                  onMouseMove={() => i !== activeIndex && onActive(i)}
                  onClick={() => onPick(o)}
                >
                  <code className="ref-option-path">{o.reference}</code>
                  {optionDetail?.(o)}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
