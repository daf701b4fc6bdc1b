import { useId } from 'react';
import type { Chain } from '../core/index.ts';

interface Props {
  chains: Chain[];
  value: string;
  onChange: (chainId: string) => void;
}

export function ChainPicker({ chains, value, onChange }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label className="eyebrow" htmlFor={id}>
        Chain
      </label>
      <select id={id} className="select" value={value} onChange={(e) => onChange(e.target.value)}>
        {chains.map((chain) => (
          <option key={chain.id} value={chain.id}>
            {chain.name ? `${chain.name} (${chain.id})` : chain.id}
          </option>
        ))}
      </select>
    </div>
  );
}
