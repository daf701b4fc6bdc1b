/**
 * Side effects: a tool whose name says it changes something (`create_`, `delete_`, `send_`,
 * `book_` …) should declare `effect` (it defaults to read). Destructive tools get a note:
 * the designs that call them should confirm with the user first.
 */
import { jsonPath } from '../../validate/diagnostics.ts';
import type { AuditFinding, AuditRuleInfo } from '../types.ts';
import { nameWords } from '../text.ts';
import { auditFinding, type ToolRule } from './context.ts';

export const EFFECT_RULES: AuditRuleInfo[] = [
  { code: 'effect-undeclared', level: 'medium', title: 'The name says the tool writes, but no write effect is declared' },
  { code: 'destructive-confirm', level: 'info', title: 'A destructive tool: confirm with the user first' },
];

/** First words of names that change something. */
export const WRITE_VERBS = new Set([
  'create',
  'update',
  'delete',
  'remove',
  'send',
  'book',
  'cancel',
  'add',
  'set',
  'post',
  'put',
  'patch',
  'insert',
  'write',
  'edit',
  'modify',
  'submit',
  'publish',
  'upload',
  'assign',
  'archive',
  'purge',
  'drop',
  'destroy',
  'reset',
  'transfer',
  'pay',
  'charge',
  'refund',
  'approve',
  'reject',
  'move',
  'rename',
  'schedule',
  'invite',
  'notify',
  'acknowledge',
  'ack',
  'close',
  'reserve',
  'register',
  'subscribe',
  'unsubscribe',
  'save',
  'mark',
  'revoke',
  'grant',
  'terminate',
  'erase',
  'wipe',
  'clear',
  'truncate',
  'uninstall',
  'install',
  'deploy',
  'restart',
  'kill',
  'lock',
  'unlock',
  'enable',
  'disable',
  'merge',
  'purchase',
  'buy',
  'sell',
  'ship',
  'rm',
  'del',
  'mkdir',
  'touch',
  'mv',
  'cp',
]);

/** First words of names that delete or cannot be undone. */
export const DESTRUCTIVE_VERBS = new Set([
  'delete',
  'remove',
  'purge',
  'drop',
  'destroy',
  'erase',
  'wipe',
  'truncate',
  'terminate',
  'kill',
  'revoke',
  'uninstall',
  'rm',
  'del',
]);

export const effectRule: ToolRule = ({ tool, path }) => {
  const name = tool.function.name;
  const out: AuditFinding[] = [];
  const verb = nameWords(name)[0] ?? '';
  const at = jsonPath(path, 'effect');
  if (WRITE_VERBS.has(verb) && (tool.effect === undefined || tool.effect === 'read')) {
    const suggested = DESTRUCTIVE_VERBS.has(verb) ? 'destructive' : 'write';
    const declared = tool.effect === 'read' ? 'is declared "read"' : 'declares no effect (so it counts as read)';
    out.push(
      auditFinding(
        'effect-undeclared',
        'medium',
        at,
        `"${name}" sounds like it changes something ("${verb}"), but ${declared}: side effects should be marked, so that designs and readers know which calls change the world.`,
        `Set "effect": "${suggested}"${tool.effect === 'read' ? ', or rename the tool if it only reads' : ''}.`,
        name,
      ),
    );
  }
  if (tool.effect === 'destructive') {
    out.push(
      auditFinding(
        'destructive-confirm',
        'info',
        at,
        `"${name}" is destructive: a conversation that calls it should confirm with the user first.`,
        'Give every call of it a confirmation (inspector → Confirmation): the assistant asks, the user says yes or no.',
        name,
      ),
    );
  }
  return out;
};
