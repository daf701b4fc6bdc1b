import { useRef } from 'react';
import type { KeyboardEvent } from 'react';

interface Props<T extends string> {
  idBase: string;
  views: { id: T; label: string }[];
  value: T;
  onChange: (id: T) => void;
  label: string;
}

/** A small WAI-ARIA tab list: arrow keys, Home and End move between tabs. */
export function ViewTabs<T extends string>({ idBase, views, value, onChange, label }: Props<T>) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const current = views.findIndex((v) => v.id === value);
    let next = -1;
    if (event.key === 'ArrowRight') next = (current + 1) % views.length;
    else if (event.key === 'ArrowLeft') next = (current - 1 + views.length) % views.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = views.length - 1;
    if (next < 0) return;
    event.preventDefault();
    onChange(views[next].id);
    refs.current[next]?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {views.map((v, i) => {
        const selected = v.id === value;
        return (
          <button
            key={v.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${idBase}-tab-${v.id}`}
            aria-selected={selected}
            aria-controls={`${idBase}-panel-${v.id}`}
            tabIndex={selected ? 0 : -1}
            className="tab"
            onClick={() => onChange(v.id)}
          >
            {v.label}
          </button>
        );
      })}
    </div>
  );
}
