import type { CallBehaviour } from './behaviour.ts';
import { forEachBehaviour } from './forEach.ts';
import { whenBehaviour } from './when.ts';
import { failureBehaviour } from './failure.ts';
import { confirmBehaviour } from './confirm.ts';
import { resultBehaviour } from './result.ts';

export type { CallBehaviour, BehaviourCheckContext } from './behaviour.ts';
export { elementName } from './forEach.ts';
export { recoverOf } from './failure.ts';
export { pinnedPaths, preparePins, type ApplyPins } from './result.ts';

/**
 * Every call behaviour, in the order a call applies them: `when` gates the call, `forEach`
 * multiplies it, `confirm` asks first, `failure` may turn its result into an error, and
 * `result` pins parts of a result that is not an error.
 */
export const CALL_BEHAVIOURS: readonly CallBehaviour[] = [whenBehaviour, forEachBehaviour, confirmBehaviour, failureBehaviour, resultBehaviour];
