/** The public surface of the core: the UI, the Web Worker and the command line import from here. */
export * from './project/types.ts';
export { parseProject, type ParseResult, type ProjectParseError, type ParseErrorKind } from './project/parse.ts';
export { serializeProject } from './project/serialize.ts';
export { migrations, migrate, type Migration } from './project/migrate.ts';
export type { Diagnostic, Severity } from './validate/diagnostics.ts';
export { hasErrors } from './validate/diagnostics.ts';
export { toolResultSchema } from './validate/project.ts';
export { compileProject, compiledChain, validateProject, chainPlan, type CompiledProject, type CompiledChain } from './compile/compileProject.ts';
export type { CallVariation } from './calls/variation.ts';
export { parseTemplate, parseReference, formatReference, formatPath, collectReferences } from './refs/parse.ts';
export { resolvePath, renderTemplate, renderValue } from './refs/resolve.ts';
export type { Reference, PathSegment, TemplatePart } from './refs/types.ts';
export { chainDependencies, type Dependency, type DataField } from './graph/dependencies.ts';
export { planChain, type Plan, type PlanTurn, type PlanResult, type PlanOptions } from './graph/plan.ts';
export { explainPlan, turnTitle, type PlanExplanation, type TurnExplanation, type CallExplanation } from './graph/explain.ts';
export { createGenerator, GenerationError, type ExampleGenerator, type GeneratorOptions, type GeneratorResult } from './generate/example.ts';
export type { Example, ExampleMessage, ExampleCall } from './generate/types.ts';
export { isCallsMessage, isReplyMessage } from './generate/types.ts';
export { toOpenAIRecord, toOpenAILine, checkOpenAIRecord, checkOpenAILine, type OpenAIRecord, type OpenAIMessage } from './formats/openai.ts';
export type { Finding } from './formats/finding.ts';
export { openAITools, type OpenAITool } from './formats/tools.ts';
export { FORMATS, formatById, formatContext, openaiFormat, type ExportFormat, type FormatContext, type FormatOptions } from './formats/registry.ts';
export { detectLineFormat } from './formats/detect.ts';
export { lineChecker, MAX_LISTED_LINES, type CheckTally, type LineChecker, type LineCheckerOptions, type LineFindings } from './formats/lineChecker.ts';
// The canvas designer: editing operations (each returns a new project or a refusal), the graph the canvas draws, layout.
export { edited, refused, ID_PATTERN, SLOT_NAME_PATTERN, type EditResult, type EditOk } from './edit/types.ts';
export { resultFields, argumentHandles, fieldPathOf, fieldPathSegments, fieldSchema, WHOLE_RESULT, type ResultField, type ArgumentHandle } from './edit/fields.ts';
export { referenceForConnection } from './edit/reference.ts';
export { chainEdges, ORDER_SOURCE_HANDLE, ORDER_TARGET_HANDLE, dataEdgeId, orderEdgeId, type ChainEdge } from './edit/edges.ts';
export { connect, disconnect, addOrder, removeOrder, cycleClosedBy, type ConnectionSource, type ConnectionTarget } from './edit/connect.ts';
export { ancestors, descendants, dependencyPath } from './edit/lineage.ts';
export { graphView, BAND_PADDING, BAND_TITLE_HEIGHT, type GraphView, type GraphNode, type GraphEdge, type TurnBand, type GraphViewOptions } from './edit/graphView.ts';
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
export { addTool, duplicateTool, renameTool, updateTool, patchTool, deleteTool, blankTool, toolDefinitionText, refusedTool, type ToolEdit, type ToolRefusal, type ToolDeletion, type ToolPatch, type DanglingReference } from './tools/edit.ts';
export { callsUsing } from './tools/usage.ts';
export { uniqueToolName, isToolName } from './tools/names.ts';
export { inferSchema, inferSchemaFromText, type InferResult } from './tools/inferSchema.ts';
export { auditProject, auditFindings, AUDIT_RULES } from './audit/auditProject.ts';
export { SEVERITY_PENALTY, GRADE_FLOORS, gradeOf } from './audit/grade.ts';
export type { AuditReport, AuditFinding, AuditSeverity, ToolAudit, ProjectAudit, Grade, AuditRuleInfo } from './audit/types.ts';
export { hfFormat, distilFormat, sharegptFormat, hermesFormat, anthropicFormat, type BundleLayout, type BundleCheck, type BundleFinding } from './formats/registry.ts';
export { toHfRecord, toHfLine, checkHfRecord, checkHfLine, readHfRecord, type HfRecord, type HfMessage } from './formats/hf.ts';
export { toShareGptRecord, toShareGptLine, checkShareGptRecord, checkShareGptLine, readShareGptRecord, type ShareGptRecord, type ShareGptTurn } from './formats/sharegpt.ts';
export { toHermesRecord, toHermesLine, checkHermesRecord, checkHermesLine, readHermesRecord, type HermesRecord, type HermesMessage } from './formats/hermes.ts';
export { toAnthropicRecord, toAnthropicLine, checkAnthropicRecord, checkAnthropicLine, readAnthropicRecord, type AnthropicRecord, type AnthropicMessage } from './formats/anthropic.ts';
export { distilReadiness, toDistilRecords, toDistilLines, checkDistilRecord, checkDistilLine, checkDistilBundle, distilBundleFiles, readDistilRecord, DistilShapeError, DISTIL_TASK, DISTIL_FILES, type DistilRecord } from './formats/distil.ts';
export { transcriptOf, type Transcript, type TranscriptTurn } from './formats/transcript.ts';
export * from './dataset/index.ts';
export { stepRequestCoverage, stepRequestCompletions, type StepRequestCoverage } from './edit/stepRequests.ts';
// Project format 2: conditions (when, where, reply variants) and call behaviours (forEach, when).
export type { Condition, Operator } from './conditions/types.ts';
export { OPERATORS } from './conditions/types.ts';
export { describeCondition } from './conditions/describe.ts';
export { compileCondition, type CompiledCondition, type RunStatus } from './conditions/evaluate.ts';
export { CALL_BEHAVIOURS, elementName } from './calls/index.ts';
export { listInWords } from './refs/listInWords.ts';
// Evaluation: gold test sets (--format eval), scoring transcripts, the live runner's pure parts.
export * from './evaluate/index.ts';
export { evalFormat, evalBfclFormat, evalTaskBenchFormat, evalNestfulFormat } from './formats/registry.ts';
// Editing call behaviours (fan-out, conditions, failures, confirmations) and reply variants; what the inspector offers for them.
export { setCallBehaviour, setForEachFrom, setReplyVariants, replyVariantsProblem, conditionProblem, forEachProblem, elementNameFor, singular, variantTexts, withTexts, replyAsVariants, moveItem, BEHAVIOUR_KEYS, type BehaviourKey, type BehaviourPatch } from './edit/behaviours.ts';
export { valueOptions, forEachOptions, referenceStepChoices, typedReference, comparableFields, elementSchema, type ReferenceScope, type ValueOption, type ForEachOption, type StepChoice } from './edit/referenceScope.ts';
// Understanding and practice: "Why this order" for branches, what varies in an example, branch search, practice exercises and their grading.
export { explainBranches, dependencyReason, neededFrom, type BranchNote, type BranchNoteKind, type CallNamer } from './graph/explainBranches.ts';
export * from './practice/index.ts';
// The slot editor's Faker method picker: the installed Faker's methods, a default by the slot's name, a sample value.
export { slotMethodFor, searchFakerMethods, fakerSample, SLOT_FAKER_METHODS, type SlotMethod } from './simulate/slotMethod.ts';
export { replyCoverage, type ReplyCoverage } from './edit/replyCoverage.ts';
