/**
 * The codes of the scenario file's edge: every problem that parsing (src/io/parseJson.ts),
 * validation (src/io/validate.ts) and the shells' own file checks report, each with its
 * parameters (the figures and names its text shows). Declared once here; src/io returns
 * `{ path, code, params }` and takes no language, and the catalogue in src/messages/validation.ts
 * turns a code into words, one table per language typed against `ValidationParams`, so a missing
 * text or a wrong parameter fails the compiler.
 *
 * A code says what a field must be; its text is a phrase that follows the field's path
 * (`members.count: must be an integer from 1 to 100000000`).
 *
 * @example scenarioProblem('members.count', 'intRange', { min: 1, max: 100000000 })
 * // { path: 'members.count', code: 'intRange', params: { min: 1, max: 100000000 } }
 */
import type { Coded } from './flags.ts';

/** No parameters. */
export type None = Record<never, never>;
type Range = { min: number; max: number };
type Min = { min: number };
type Max = { max: number };
type Count = { count: number };
type Kind = 'cost' | 'event';

export interface ValidationParams {
  // types and presence
  required: None;
  unknownField: None;
  mustBeNumber: None;
  mustBeFinite: None;
  mustBeNumberOrNull: None;
  mustBeText: None;
  mustBeObject: None;
  mustBeList: None;
  mustBeBoolean: None;
  mustBeExactly: { value: string };
  oneOf: { options: readonly string[] };
  invalid: None;
  // numbers
  range: Range;
  intRange: Range;
  greaterThan: Min;
  atLeast: Min;
  atMost: Max;
  greaterThanAtMost: Range;
  moneyDecimals: None;
  expenseRate: None;
  paretoShape: None;
  /** The smallest cv allowed, to 4 significant digits, as text (`0.3334`). */
  negativeBinomialCv: { minCv: string };
  // text and lists
  textLength: Range;
  textMax: Max;
  blank: None;
  listLength: Range;
  // across fields (ids escaped as in JSON, so that a text stays on one line)
  contributionsSum: None;
  duplicateId: { id: string; other: string };
  unknownRisk: { known: readonly string[] };
  benefitNeedsKind: { type: string; need: Kind; risk: string; kind: Kind };
  dailyNeedsDays: { risk: string };
  notOnEventRisk: None;
  bandNullNotLast: None;
  // format /2 (member groups, shares, rates by group, the waiting amount, limits)
  /** A field of format /2 in a file whose `format` is `huzhu-scenario/1`; `field` is its name. */
  needsFormat2: { field: string };
  /** A rate by group (an object) in a `huzhu-scenario/1` file. */
  rateByGroupNeedsFormat2: None;
  /** `members` gives neither `count` nor `groups` (at `members.count`). */
  countOrGroups: None;
  /** `members` gives both `count` and `groups`. */
  countAndGroups: None;
  /** `members.femaleShare` or `members.newShare` beside `members.groups`. */
  onEachGroup: { field: string };
  /** The members of all groups together exceed `max`. */
  totalMembers: { max: number };
  /** A group id that cannot be a key of a rate object (`__proto__`). */
  reservedGroupId: { id: string };
  /** A name that appears twice in one list of references (group ids, benefit ids). */
  namedTwice: { id: string; other: string };
  unknownGroup: { known: readonly string[] };
  /** Two holdings of one group with the same number of shares. */
  duplicateShares: { shares: number; other: string };
  /** A group's holding fractions do not add up to 1 (within 1e-9); `sum` is what they add up to. */
  holdingsSum: { sum: number };
  /** A rate is neither a number nor an object of rates by group. */
  rateNumberOrGroups: None;
  /** A rate object without a rate for an exposed group. */
  rateForGroup: { group: string };
  /** A rate object naming a group the risk does not expose. */
  groupNotExposed: { group: string };
  waitingAmountLumpSumOnly: None;
  waitingAmountNeedsWaitingDays: None;
  unknownBenefit: { known: readonly string[] };
  /** A benefit already in another limit (`other`, the limit's path). */
  benefitInTwoLimits: { benefit: string; other: string };
  /**
   * A limit over benefits of different risks: `benefit` pays for `risk`, but the limit's first
   * benefit `first` pays for `firstRisk`.
   */
  limitAcrossRisks: { benefit: string; risk: string; first: string; firstRisk: string };
  // the whole
  moreProblems: Count;
  moreValueProblems: Count;
  moreUnknownFields: Count;
  /** Reading the value threw; `reason` is the exception's own message. */
  unreadable: { reason: string };
  // the text
  tooLarge: { mb: number };
  notJson: { line: number; column: number; reason: JsonSyntaxReason };
  // the workbench's own checks before a text is read
  fileTooLarge: { mb: number };
  linkBroken: None;
}

export type ValidationCode = keyof ValidationParams;
export type ValidationMessage = Coded<ValidationParams>;

/** One problem in a scenario file: where (a field path such as `benefits[0].bands[2].upTo`, or `(root)`) and what. */
export type ScenarioProblem = { path: string } & ValidationMessage;

/** What a JSON text should have had where it went wrong (src/io/jsonSyntax.ts). */
export type Expectation =
  | 'value'
  | 'propertyName'
  | 'colon'
  | 'commaOrBrace'
  | 'commaOrBracket'
  | 'digit'
  | 'hexDigit'
  | 'escape'
  | 'end'
  | 'true'
  | 'false'
  | 'null';

/** Why a text is not JSON. */
export interface JsonReasonParams {
  /** A bracket, brace or quote is not closed. */
  unexpectedEnd: None;
  /** A line break or control character inside quotes. */
  controlChar: None;
  /** Nested deeper than the parser goes. */
  tooDeep: None;
  /** `char` (quoted as in JSON) where `expected` should be. */
  unexpectedChar: { char: string; expected: Expectation };
}

export type JsonSyntaxReason = Coded<JsonReasonParams>;

/** The parameters of `code`, left out when it has none. */
type Args<P, C extends keyof P> = None extends P[C] ? [] : [P[C]];
/** The parameters of a validation code, as a list of arguments: none, or its params. */
export type ValidationArgs<C extends ValidationCode> = Args<ValidationParams, C>;

/** `{ code, params }`, typed by its code. */
export function validationMessage<C extends ValidationCode>(
  code: C,
  ...args: ValidationArgs<C>
): Extract<ValidationMessage, { code: C }> {
  return { code, params: args[0] ?? {} } as Extract<ValidationMessage, { code: C }>;
}

/** A problem at `path`, typed by its code. */
export function scenarioProblem<C extends ValidationCode>(
  path: string,
  code: C,
  ...args: ValidationArgs<C>
): ScenarioProblem {
  return { path, ...validationMessage(code, ...args) };
}

/** A reason a text is not JSON, typed by its code. */
export function jsonReason<C extends keyof JsonReasonParams>(
  code: C,
  ...args: Args<JsonReasonParams, C>
): JsonSyntaxReason {
  return { code, params: args[0] ?? {} } as JsonSyntaxReason;
}
