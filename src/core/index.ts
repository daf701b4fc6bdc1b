/**
 * The core's first door: what the designer needs from its first paint (the project file, its
 * compiled form and diagnostics, the graph and its layout, editing operations, the tool library
 * and its audit). The page's start imports only this; it holds no Faker, no generator, no export
 * format, no tokenizer.
 *
 * The second door, `generation.ts`, holds what makes and reads data (the generator, the export
 * formats, datasets, evaluation, practice, quality): the CLI and the workers import it, the page
 * only from the views it loads on demand (preview, export, evaluate, practice, …). A test
 * (src/ui/startPath.test.ts) holds the page's start to that. The UI, the state, the workers and
 * the CLI reach the core only through these two files (a lint rule).
 */
export * from './project/types.ts';
export { parseProject, type ParseResult, type ProjectParseError, type ParseErrorKind } from './project/parse.ts';
export { serializeProject } from './project/serialize.ts';
export { migrations, migrate, type Migration } from './project/migrate.ts';
export type { Diagnostic, Severity } from './validate/diagnostics.ts';
export { hasErrors } from './validate/diagnostics.ts';
// One record for every finding (diagnostics, format rules, the audit, tool imports), and one way to show it.
export type { Finding, Severity as FindingSeverity, Weight, CallPlace } from './findings/finding.ts';
export { formatFinding, severityLabel, compareFindings } from './findings/formatFinding.ts';
export { toolResultSchema } from './validate/project.ts';
export { compileProject, compiledChain, validateProject, chainPlan, type CompiledProject, type CompiledChain } from './compile/compileProject.ts';
export type { CallVariation } from './calls/variation.ts';
export { parseTemplate, parseReference, formatReference, formatPath, collectReferences } from './refs/parse.ts';
export { resolvePath, renderTemplate, renderValue } from './refs/resolve.ts';
export type { Reference, PathSegment, TemplatePart } from './refs/types.ts';
export { chainDependencies, type Dependency, type DataField } from './graph/dependencies.ts';
export { planChain, type Plan, type PlanTurn, type PlanResult, type PlanOptions } from './graph/plan.ts';
export { explainPlan, turnTitle, type PlanExplanation, type TurnExplanation, type CallExplanation } from './graph/explain.ts';
// The canvas designer: editing operations (each returns a new project or a refusal), the graph the canvas draws, layout.
export { edited, refused, ID_PATTERN, SLOT_NAME_PATTERN, type EditResult, type EditOk } from './edit/types.ts';
export {
  resultFields,
  argumentHandles,
  fieldPathOf,
  fieldPathSegments,
  fieldSchema,
  WHOLE_RESULT,
  type ResultField,
  type ArgumentHandle,
} from './edit/fields.ts';
export { referenceForConnection } from './edit/reference.ts';
export { chainEdges, ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE, dataEdgeId, orderEdgeId, type ChainEdge } from './edit/edges.ts';
export { connect, disconnect, addOrder, removeOrder, cycleClosedBy, type ConnectionSource, type ConnectionTarget } from './edit/connect.ts';
export { ancestors, descendants, dependencyPath } from './edit/lineage.ts';
export {
  graphView,
  BAND_PADDING,
  BAND_TITLE_HEIGHT,
  type GraphView,
  type GraphNode,
  type GraphEdge,
  type TurnBand,
  type GraphViewOptions,
} from './edit/graphView.ts';
export { freshCallId, callIdStem, addCall, renameCall, deleteCalls, setCallTool, setArgument, setCallRequests, moveCalls } from './edit/calls.ts';
export { copyCalls, pasteCalls, CLIPBOARD_FORMAT } from './edit/clipboard.ts';
export { addChain, renameChain, deleteChain, setRequests, setReply } from './edit/chains.ts';
export { setSlot, removeSlot, renameSlot } from './edit/slots.ts';
export { referenceOptions, templateCompletions, type ReferenceOption } from './edit/referenceOptions.ts';
export { rewriteTemplate } from './edit/rewrite.ts';
export { emptyProject } from './edit/newProject.ts';
export { autoLayout, resolvePositions, applyAutoLayout, COLUMN_GAP, ROW_GAP } from './layout/autoLayout.ts';
export { nodeSize, handleTop, NODE_WIDTH, NODE_HEADER_HEIGHT, HANDLE_ROW_HEIGHT, NODE_PADDING } from './layout/nodeSize.ts';
// The tool library: imports (format detected), merging, exports, editing operations, schema inference; the tool audit.
export { TOOL_FORMATS, type ToolFormat, type ToolFormatId, type ToolIssue, type IncomingTools, type CallRef } from './tools/types.ts';
export { importTools, importToolsFromValue, type ImportResult, type ImportOptions } from './tools/importTools.ts';
export { detectToolFormat } from './tools/detect.ts';
export { effectFromAnnotations } from './tools/importers/mcp.ts';
export { MAX_TOOL_TEXT_CHARS, parseJsonText } from './tools/jsonText.ts';
export { validateToolDefinition, TOOL_DEFINITION_SCHEMA, TOOL_DEFINITION_SCHEMA_URI, type ToolDefinitionResult } from './tools/definition.ts';
export { planToolMerge, applyToolMerge, type ClashDecision, type ToolClash, type ToolMergePlan, type ToolMergeResult } from './tools/merge.ts';
export { exportTools, jobDescription, TOOL_EXPORT_FORMATS, type ToolExportFormat, type JobDescription } from './tools/export.ts';
export {
  addTool,
  duplicateTool,
  renameTool,
  updateTool,
  patchTool,
  deleteTool,
  blankTool,
  toolDefinitionText,
  refusedTool,
  type ToolEdit,
  type ToolRefusal,
  type ToolDeletion,
  type ToolPatch,
  type DanglingReference,
} from './tools/edit.ts';
export { callsUsing } from './tools/usage.ts';
export { uniqueToolName, isToolName } from './tools/names.ts';
export { inferSchema, inferSchemaFromText, type InferResult } from './tools/inferSchema.ts';
export { auditProject, auditFindings, AUDIT_RULES } from './audit/auditProject.ts';
export { WEIGHT_PENALTY, GRADE_FLOORS, gradeOf } from './audit/grade.ts';
export type { AuditReport, AuditFinding, AuditLevel, ToolAudit, ProjectAudit, Grade, AuditRuleInfo } from './audit/types.ts';
export { stepRequestCoverage, stepRequestCompletions, type StepRequestCoverage } from './edit/stepRequests.ts';
// Project format 2: conditions (when, where, reply variants) and call behaviours (forEach, when).
export type { Condition, Operator } from './conditions/types.ts';
export { OPERATORS } from './conditions/types.ts';
export { describeCondition } from './conditions/describe.ts';
export { compileCondition, type CompiledCondition, type RunStatus } from './conditions/evaluate.ts';
export { CALL_BEHAVIOURS, elementName } from './calls/index.ts';
export { listInWords } from './refs/listInWords.ts';
// Editing call behaviours (fan-out, conditions, failures, confirmations) and reply variants; what the inspector offers for them.
export {
  setCallBehaviour,
  setForEachFrom,
  setReplyVariants,
  replyVariantsProblem,
  conditionProblem,
  forEachProblem,
  elementNameFor,
  singular,
  variantTexts,
  withTexts,
  replyAsVariants,
  moveItem,
  BEHAVIOUR_KEYS,
  type BehaviourKey,
  type BehaviourPatch,
} from './edit/behaviours.ts';
export {
  valueOptions,
  forEachOptions,
  referenceStepChoices,
  typedReference,
  comparableFields,
  elementSchema,
  type ReferenceScope,
  type ValueOption,
  type ForEachOption,
  type StepChoice,
} from './edit/referenceScope.ts';
// Understanding: "Why this order" for branches.
export { explainBranches, dependencyReason, neededFrom, type BranchNote, type BranchNoteKind, type CallNamer } from './graph/explainBranches.ts';
// The slot editor's Faker method picker: the installed Faker's methods, a default by the slot's name, a sample value.
export { slotMethodFor, searchFakerMethods, SLOT_FAKER_METHODS, type SlotMethod } from './simulate/slotMethod.ts';
// Reached by the UI, the state and the CLI.
export { lineOf, locateJsonPaths } from './project/jsonLocate.ts';
export { setProjectSettings, type ProjectSettingsPatch } from './edit/projectSettings.ts';
export { FOREACH_TARGET_HANDLE, WHEN_TARGET_HANDLE } from './edit/edges.ts';
export { checkAgainstSchema } from './validate/schemaValidator.ts';
export { withLines } from './tools/jsonText.ts';
export { openAITools, type OpenAITool } from './tools/openAITools.ts';
