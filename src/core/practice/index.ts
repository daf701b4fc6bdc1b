/** Practice mode and the preview's branches: pure functions over a compiled design and its examples. */
export {
  makeExercise,
  callLabels,
  turnsLatency,
  MAX_COLUMNS,
  type Exercise,
  type ExerciseCall,
  type ExerciseResult,
  type ExerciseOptions,
  type CountQuestion,
  type ShownValue,
  type AnswerKey,
} from './exercise.ts';
export { gradeAnswer, answerOf, emptyAnswer, type Answer, type ExerciseGrade, type Mistake, type MistakeKind, type PlacementMark } from './grade.ts';
export { exampleFacts, variationMarks, exampleScope, otherValues, type CallFacts, type VariationMark } from './facts.ts';
export {
  branchOptions,
  factsShow,
  exampleShows,
  variantSignature,
  findExample,
  findBranchExample,
  nextVariantIndex,
  type BranchKind,
  type BranchOption,
  type SearchOptions,
  type SearchResult,
} from './branches.ts';
