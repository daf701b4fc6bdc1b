import { useState } from 'react';
import type { Chain, Diagnostic, Project } from '../core/index.ts';
import { ChainPicker } from './ChainPicker.tsx';
import { DiagnosticsPanel } from './diagnostics/DiagnosticsPanel.tsx';
import { uniqueDiagnostics } from './diagnostics/uniqueDiagnostics.ts';
import { PlanView } from './plan/PlanView.tsx';
import { ExamplePanel } from './preview/ExamplePanel.tsx';
import { useChainView } from './useChainView.ts';

export const DEFAULT_SEED = 1;

interface Props {
  project: Project;
  fileUrl: string;
  /** Diagnostics the parser reported for the whole project. */
  diagnostics: Diagnostic[];
}

/** One opened project: the chain picker, the plan, one generated example and the diagnostics. */
export function ProjectWorkspace({ project, fileUrl, diagnostics }: Props) {
  const [chainId, setChainId] = useState(() => project.chains[0]?.id ?? '');
  const [seed, setSeed] = useState(DEFAULT_SEED);
  const [index, setIndex] = useState(0);

  const chain = project.chains.find((c) => c.id === chainId);
  const fileName = fileUrl.split('/').pop() ?? fileUrl;

  return (
    <div className="workspace">
      <div className="project-bar">
        <div className="project-identity">
          <span className="eyebrow">Project</span>
          <p className="project-name">{project.name}</p>
          <span className="project-file" title={fileUrl}>
            {fileName}
          </span>
        </div>
        {project.chains.length > 1 ? (
          <ChainPicker
            chains={project.chains}
            value={chainId}
            onChange={(id) => {
              setChainId(id);
              setIndex(0);
            }}
          />
        ) : chain ? (
          <div className="project-identity">
            <span className="eyebrow">Chain</span>
            <p className="chain-name">{chain.name ?? chain.id}</p>
          </div>
        ) : null}
      </div>

      {chain ? (
        <ChainWorkspace
          key={chain.id}
          project={project}
          chain={chain}
          seed={seed}
          index={index}
          onSeedChange={setSeed}
          onNextExample={() => setIndex((i) => i + 1)}
          projectDiagnostics={diagnostics}
        />
      ) : (
        <>
          <p className="status-line">This project has no chains yet.</p>
          <DiagnosticsPanel diagnostics={diagnostics} />
        </>
      )}
    </div>
  );
}

interface ChainProps {
  project: Project;
  chain: Chain;
  seed: number;
  index: number;
  onSeedChange: (seed: number) => void;
  onNextExample: () => void;
  projectDiagnostics: Diagnostic[];
}

function ChainWorkspace({ project, chain, seed, index, onSeedChange, onNextExample, projectDiagnostics }: ChainProps) {
  const view = useChainView(project, chain, seed, index);
  const diagnostics = uniqueDiagnostics(projectDiagnostics, view.diagnostics);
  // Errors stop generation, so they come first; warnings wait below the plan.
  const hasErrors = diagnostics.some((d) => d.severity === 'error');

  return (
    <div className="columns">
      <div className="column">
        {hasErrors && <DiagnosticsPanel diagnostics={diagnostics} />}
        {view.planned ? (
          <PlanView project={project} plan={view.planned.plan} explanation={view.planned.explanation} />
        ) : (
          <section className="panel" aria-labelledby="plan-heading">
            <h2 id="plan-heading" className="panel-title">
              Plan
            </h2>
            <p className="muted">
              {view.cycle
                ? `This chain cannot be planned: its calls wait for each other in a cycle (${view.cycle.join(' → ')}).`
                : 'This chain cannot be planned yet; see the diagnostics.'}
            </p>
          </section>
        )}
        {!hasErrors && <DiagnosticsPanel diagnostics={diagnostics} />}
      </div>
      <div className="column">
        <ExamplePanel
          generated={view.generated}
          failure={view.failure}
          seed={seed}
          index={index}
          onSeedChange={onSeedChange}
          onNextExample={onNextExample}
        />
      </div>
    </div>
  );
}
