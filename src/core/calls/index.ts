import type { CallBehaviour } from './behaviour.ts';
import { forEachBehaviour } from './forEach.ts';
import { whenBehaviour } from './when.ts';

export type { CallBehaviour, BehaviourCheckContext } from './behaviour.ts';
export { elementName } from './forEach.ts';

/** Every call behaviour, in the order a call applies them: `when` gates the call, `forEach` multiplies it. */
export const CALL_BEHAVIOURS: readonly CallBehaviour[] = [whenBehaviour, forEachBehaviour];
