/**
 * An IAM identity-based policy evaluator: the part of AWS's policy evaluation logic that applies to
 * one principal's own policies in its own account
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * every request starts denied, a matching Allow allows it, and a matching Deny overrides any Allow.
 * Action and Resource match with the `*` (any run of characters) and `?` (one character)
 * wildcards; actions compare case-insensitively, resources case-sensitively
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Conditions, resource-based policies, boundaries and SCPs are not simulated.
 */
import type { PolicyDocument, PolicyStatement } from '../account-types.ts';

/** What the evaluation decided. */
export type Decision = 'allow' | 'explicit-deny' | 'implicit-deny';

const patternCache = new Map<string, RegExp>();

/** Compile an IAM wildcard pattern (`*`, `?`) into an anchored RegExp. */
export function wildcardRegExp(pattern: string, caseInsensitive: boolean): RegExp {
  const cacheKey = `${caseInsensitive ? 'i' : 's'}${pattern}`;
  let re = patternCache.get(cacheKey);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, caseInsensitive ? 'is' : 's');
    if (patternCache.size > 2000) patternCache.clear();
    patternCache.set(cacheKey, re);
  }
  return re;
}

function list(v: string | string[] | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
}

function anyMatches(patterns: string[], value: string, caseInsensitive: boolean): boolean {
  return patterns.some((p) => wildcardRegExp(p, caseInsensitive).test(value));
}

/** Whether one statement applies to `action` on `resource`. */
export function statementMatches(statement: PolicyStatement, action: string, resource: string): boolean {
  const actions = list(statement.Action);
  const notActions = list(statement.NotAction);
  let actionOk: boolean;
  if (actions) actionOk = anyMatches(actions, action, true);
  else if (notActions) actionOk = !anyMatches(notActions, action, true);
  else return false;
  if (!actionOk) return false;
  const resources = list(statement.Resource);
  const notResources = list(statement.NotResource);
  if (resources) return anyMatches(resources, resource, false);
  if (notResources) return !anyMatches(notResources, resource, false);
  return false;
}

/** The statements of a document as an array (a single statement object is allowed by IAM). */
export function statementsOf(policy: PolicyDocument | undefined): PolicyStatement[] {
  const s = policy?.Statement;
  if (!s) return [];
  return (Array.isArray(s) ? s : [s]).filter((x): x is PolicyStatement => !!x && typeof x === 'object');
}

/** Evaluate `policy` for `action` (`service:Operation`) on `resource` (an ARN). */
export function evaluatePolicy(policy: PolicyDocument | undefined, action: string, resource: string): Decision {
  let allowed = false;
  for (const statement of statementsOf(policy)) {
    if (!statementMatches(statement, action, resource)) continue;
    if (statement.Effect === 'Deny') return 'explicit-deny';
    if (statement.Effect === 'Allow') allowed = true;
  }
  return allowed ? 'allow' : 'implicit-deny';
}

/** Problems that IAM would reject the document for (for scenario files and the UI). */
export function validatePolicy(policy: unknown): string[] {
  const problems: string[] = [];
  if (!policy || typeof policy !== 'object') return ['The policy must be a JSON object with a Statement.'];
  const doc = policy as PolicyDocument;
  if (doc.Version !== undefined && doc.Version !== '2012-10-17' && doc.Version !== '2008-10-17') problems.push(`Version must be "2012-10-17" (got ${JSON.stringify(doc.Version)}).`);
  const raw = doc.Statement;
  if (!raw) return [...problems, 'The policy has no Statement.'];
  (Array.isArray(raw) ? raw : [raw]).forEach((s: PolicyStatement, i) => {
    const where = `Statement[${i}]`;
    if (!s || typeof s !== 'object') return void problems.push(`${where} must be an object.`);
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') problems.push(`${where}.Effect must be "Allow" or "Deny".`);
    if ((s.Action === undefined) === (s.NotAction === undefined)) problems.push(`${where} needs exactly one of Action or NotAction.`);
    if ((s.Resource === undefined) === (s.NotResource === undefined)) problems.push(`${where} needs exactly one of Resource or NotResource.`);
    for (const a of list(s.Action ?? s.NotAction) ?? []) if (a !== '*' && !/^[a-z0-9-]+:[A-Za-z0-9*?]+$/i.test(a)) problems.push(`${where}: "${a}" is not an action (service:Operation).`);
  });
  return problems;
}
