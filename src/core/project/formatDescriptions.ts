/**
 * What each part of the file format means, for the published JSON Schema
 * (public/schema/project-2.schema.json): keyed by where the part sits in the definition
 * (format.ts): a named record by its name ("call"), a key by record and key ("call.when"),
 * a key of a nested object by the whole way down ("tool.function.name"), the value of a map
 * by "*" ("call.result.*.calc"), the keys of a map by "{}" ("chain.slots{}"), and the
 * project itself by "$" ("$.name"). Kept apart from format.ts so that the reader the page
 * loads first carries none of this text; `npm run schema` refuses a key the format defines
 * without a description here. docs/project-format.md is the longer, normative text.
 */
export const DESCRIPTIONS: { readonly [path: string]: string } = {
  $: 'A Chainwright project file (NAME.chain.json): tool definitions and chains of tool calls from which example conversations are generated. Normative text: docs/project-format.md. Unknown extra keys are allowed everywhere and kept on save; the keys __proto__, constructor and prototype are forbidden at any depth. This schema checks the structure only: references, unknown tools, cycles and the other semantic rules are checked by the Chainwright validator.',
  '$.format': 'Identifies the file as a Chainwright project. Always "chainwright-project".',
  '$.version':
    'Version of the file format. This schema describes version 2; readers migrate version 1 files (public/schema/project-1.schema.json describes them; they mean the same in version 2) and refuse newer ones.',
  '$.name': "The project's name, shown in the app's header.",
  '$.systemPrompt': 'The system message of every generated conversation. When absent, conversations have no system message.',
  '$.referenceDate':
    '"Today" in the simulated world, as YYYY-MM-DD (the simulated clock reads 09:00 UTC on that day). Faker date methods and generated dates are relative to it. Default 2026-01-05.',
  '$.tools': "The tools the assistant may call: OpenAI tool definitions (exported unchanged) plus Chainwright's own keys. Tool names are unique.",
  '$.chains': 'The chains of tool calls. Each chain is one kind of conversation; chain ids are unique.',
  allowedKey: 'Any key except __proto__, constructor and prototype.',
  json: 'Any JSON value whose objects, at any depth, use none of the keys __proto__, constructor and prototype.',
  jsonSchemaObject: 'A JSON Schema (draft 2020-12; the draft-07 style of most tool definitions also reads correctly) written as an object.',
  identifier: 'Starts with a letter or "_", then letters, digits, "_" or "-".',
  template: 'Text with references: {slot}, {callId.path} (path steps .key, [n], [*], .length, ["key"]); {{ and }} are literal braces.',
  requests: 'User request templates; one is drawn per example. References may use slots.',
  tool: "An OpenAI tool definition plus Chainwright's keys returns, errors, effect and latencyMs.",
  'tool.type': 'Always "function" (the OpenAI tool type).',
  'tool.function': 'The function the model may call: name, description and parameter schema. Exported unchanged.',
  'tool.function.name': 'The tool\'s name, unique in the project: 1 to 64 letters, digits, "_" or "-".',
  'tool.function.description': 'What the tool does and when to use it. The model reads it when choosing tools.',
  'tool.function.parameters': 'JSON Schema of the arguments: an object schema whose properties are the parameters.',
  'tool.function.parameters.type': 'Always "object".',
  'tool.function.parameters.properties': 'One JSON Schema per parameter, by name.',
  'tool.function.parameters.required': 'Names of the parameters every call must give.',
  'tool.returns':
    'JSON Schema of the tool\'s result; drives the simulated results. Result properties named like an argument echo it; "x-fake": "module.method" draws a value from Faker; *_id fields get ids like room_7Kq2Lm9x. When absent, the result is {"ok": true}.',
  'tool.errors':
    'JSON Schema of the tool\'s error results: a failing call ("failure") that gives no "error" of its own gets an error result simulated from it, as results are from "returns". When absent too, the error is {"error": {"code": "TOOL_ERROR", "message": "<tool> could not complete the request."}}. Not exported.',
  'tool.effect':
    'What calling the tool does: read (no side effects), write (creates or changes something) or destructive (deletes or cannot be undone). Default read.',
  'tool.latencyMs': 'Typical latency of one call in milliseconds; used to show sequential (sum) against parallel (max) latency. Default 300.',
  slot: 'How a slot\'s value is drawn once per example: {"fake": ...}, {"oneOf": [...]}, {"int": [min, max]}, or any other JSON value as a constant. An object with a fake, oneOf or int key must be that kind of slot.',
  'slot.fake': 'A Faker method by its path, e.g. "person.fullName" or "date.soon".',
  'slot.args': 'Arguments passed to the Faker method, e.g. [{"days": 14}].',
  'slot.as': 'Writes a date value as YYYY-MM-DD (date) or ISO 8601 in UTC (datetime).',
  'slot.oneOf': 'The values to draw from, each equally likely.',
  'slot.int': '[min, max]: an integer in the range, both ends included (min ≤ max).',
  position: "Where the call's node sits on the canvas. Layout only: it never changes what is generated.",
  'position.x': 'Horizontal position in canvas units.',
  'position.y': 'Vertical position in canvas units.',
  replyVariant: 'One variant of a chain\'s reply: the first variant whose "when" holds is used. It has "text" or "texts", not both.',
  'replyVariant.when':
    'The variant is used only when this condition holds (and no earlier variant\'s did). A variant without "when" always applies; the last one should have none.',
  'replyVariant.text': "Template of the reply; may use slots and any call's result. Arrays of strings or numbers are written as a list in words (A, B and C).",
  'replyVariant.texts': 'Several phrasings of the reply (templates); one is drawn per example.',
  conditionList: 'A list of values (literals or whole-string references), or one whole-string reference to a list, e.g. "{allowed}".',
  condition:
    'A condition: a test {"value": …, "<operator>": operand} with exactly one operator, {"all": [...]}, {"any": [...]}, {"not": condition}, or {"ran" | "failed" | "declined": callId}. A reference to a call that did not run, or to an absent path, is absent: "exists" is false, "empty" is true and every comparison is false. No other keys are allowed in a condition.',
  'condition.test': 'A test: "value" and exactly one operator.',
  'condition.test.value': 'What is tested: a whole-string reference such as "{cal.events.length}" (keeping the referenced value\'s type), or a literal.',
  'condition.test.eq':
    'Holds when the value equals the operand (numbers, strings, booleans, null; arrays and objects compare by content). The operand is a literal or a whole-string reference.',
  'condition.test.ne': 'Holds when the value is present and does not equal the operand. The operand is a literal or a whole-string reference.',
  'condition.test.gt':
    'Holds when the value is greater than the operand: numbers, or strings compared as text (so ISO dates compare as dates). The operand is a literal or a whole-string reference.',
  'condition.test.gte':
    'Holds when the value is greater than or equal to the operand: numbers, or strings compared as text (so ISO dates compare as dates). The operand is a literal or a whole-string reference.',
  'condition.test.lt':
    'Holds when the value is less than the operand: numbers, or strings compared as text (so ISO dates compare as dates). The operand is a literal or a whole-string reference.',
  'condition.test.lte':
    'Holds when the value is less than or equal to the operand: numbers, or strings compared as text (so ISO dates compare as dates). The operand is a literal or a whole-string reference.',
  'condition.test.in': "Holds when the value equals one of the list's items.",
  'condition.test.notIn': "Holds when the value is present and equals none of the list's items.",
  'condition.test.contains':
    'Holds when the value is an array holding the operand, or a string containing it. The operand is a literal or a whole-string reference.',
  'condition.test.empty': 'true: holds when the value is null, absent, "", [] or {}; false: when it is none of these.',
  'condition.test.exists':
    'true: holds when the value is present and not null (a call that did not run, or a path that is absent, gives an absent value); false: when it is absent or null.',
  'condition.all': 'Holds when every condition of the list holds.',
  'condition.all.all': 'The conditions, at least one; all of them must hold.',
  'condition.any': 'Holds when at least one condition of the list holds.',
  'condition.any.any': 'The conditions, at least one; one of them must hold.',
  'condition.not': 'Holds when the inner condition does not.',
  'condition.not.not': 'The condition that must not hold.',
  'condition.ran': 'Holds when the call ran (for a fan-out call: at least once).',
  'condition.ran.ran': 'The id of a call of the chain.',
  'condition.failed': 'Holds when the call failed (its result was a simulated error).',
  'condition.failed.failed': 'The id of a call of the chain.',
  'condition.declined': 'Holds when the user declined the call when asked to confirm it.',
  'condition.declined.declined': 'The id of a call of the chain.',
  call: 'One tool call in a chain: a node on the canvas.',
  'call.id': "The call's id, unique in its chain; references use it: {id.path}. May not equal a slot name.",
  'call.tool': 'The name of the tool this call calls (a function.name in tools).',
  'call.args':
    "Argument values by parameter name: literals, or templates with {slot} and {callId.path} references, nested freely. A string that is exactly one reference keeps the referenced value's type. Default {}.",
  'call.after': 'Ids of calls that must finish before this one although no data flows from them (order-only dependencies, drawn dashed).',
  'call.requests':
    'Per-step user requests: when every call of a chain has them, the chain is a multi-turn conversation and each call is preceded by its own user turn.',
  'call.forEach':
    "Fan-out: one call per element of this array, all in the same assistant turn, in the array's order (possibly none). Exactly one whole reference: a result path, a slot, or a fan-out call's results, e.g. \"{tasks.tasks[*]}\". Elsewhere, the call's id stands for the list of its results ({id.length}, {id[*].path}).",
  'call.as':
    'The element\'s name inside a fan-out call, used as {name} or {name.path}: letters, digits, "_", "$" or "-"; it may not equal a slot name or a call id of the chain. Default "item".',
  'call.where': 'Fan-out filter: only the elements for which this condition holds get a call, e.g. {"value": "{task.priority}", "eq": "high"}.',
  'call.when':
    'The call runs only in the examples where this condition holds (and every call it depends on ran); elsewhere it is left out of the conversation.',
  'call.whenRate': 'The share of examples in which the simulator makes "when" hold, from 0 to 1. Default 0.5.',
  'call.failure':
    'The call fails in a share of the examples: its result is then an error, and "recover" says what the assistant does next (retry, retry with other arguments, or report).',
  'call.confirm':
    'The assistant asks the user before the turn holding the call, and the user answers yes or no; on no, the call and the calls that need it do not run. A fan-out asks once for its whole group.',
  'call.result':
    'Result pins: parts of the call\'s simulated result fixed by the design, so that it agrees with the request, the arguments and the other results. Keys are result paths ("total", "booking.status", "rooms[0].price"); values are literals, templates (a string that is exactly one reference keeps its type: "{find.rooms[0].room_id}") or {"calc": "{hotels.hotels[0].nightly_rate} * {nights}"}. What a pin reads is a dependency. Not applied to an error result.',
  'call.result.*.calc':
    "Arithmetic: + - * /, parentheses, numbers and whole references ({slot}, {callId.path}). The value is rounded to the field's multipleOf (an integer field: to whole numbers; otherwise to 2 decimals) and must stay inside the field's bounds (an example where it does not is drawn again).",
  'call.position':
    "Where the call's node sits on the canvas (layout only). A position that is not two numbers is dropped with a warning when the file is read: the call is then laid out automatically.",
  failure:
    'How a call fails: in "rate" of the examples its result is "error" (the tool message carries it; Anthropic\'s tool_result gets "is_error": true). On a fan-out call, its first call fails.',
  'failure.rate': "The share of examples in which the call's result is the error, from 0 to 1.",
  'failure.error':
    "The error result: any JSON, references in its strings filled in. Inside it, the call's own id reads the call's arguments ({book.room_id}). When absent, the error is simulated from the tool's \"errors\" schema.",
  'failure.recover':
    'What the assistant does after the error: "retry" (the same call again in the next turn, with a new call id; it succeeds), {"retryWith": {…}} (again with these arguments over the call\'s own; it succeeds) or "report" (no retry: the calls that need its result do not run, the others do, and a reply variant {"failed": id} says so). Default "report".',
  'failure.recover.retryWith': 'The retry\'s arguments by parameter name, over the call\'s own; values as in "args" (references allowed).',
  confirm:
    'A confirmation before a call: the assistant\'s question (a text message without calls), then the user\'s answer, before the turn holding the call. Yes: the call runs; no: it and the calls that need it do not run, and a reply variant {"declined": id} says so.',
  'confirm.ask':
    'Phrasings of the question (templates; one is drawn per example). They may read the results of earlier calls; on a fan-out the question comes once, before the group, so it names the list (e.g. {old.projects[*].name}), not one element.',
  'confirm.yes': "Phrasings of the user's yes (one is drawn), written as they are.",
  'confirm.no': "Phrasings of the user's no (one is drawn), written as they are.",
  'confirm.yesRate': 'The share of examples in which the user says yes, from 0 to 1. Default 0.5.',
  chain: "A chain: the user's request, the slots it draws, the tool calls with their dependencies, and the assistant's final reply.",
  'chain.id': "The chain's id, unique in the project.",
  'chain.name': 'A readable name for the chain. Default: its id.',
  'chain.requests':
    'User request templates; one is drawn per example and opens the conversation. Required (non-empty) unless every call carries its own requests.',
  'chain.slots': 'Named values drawn once per example and used by requests, arguments and the reply as {name}.',
  'chain.slots{}': 'A slot name: letters, digits, "_", "$" or "-"; it may not equal a call id of the chain.',
  'chain.calls': 'The tool calls. Their order is irrelevant to dependencies; within one level (one assistant turn) it is the order of the parallel tool_calls.',
  'chain.reply':
    'The assistant\'s final message: a template that may use slots and any call\'s result, or a non-empty list of reply variants of which the first whose "when" holds is used (the last should have no "when").',
};
