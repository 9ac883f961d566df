/**
 * The roles an organisation plays, declared once: where each role attaches (a project or an
 * evaluation) and the relationships that lead from there to the organisation. Services walk
 * these paths to list roles, participants and collaborators; filters are built from them.
 */
import type { Direction, Label, RelType } from './model.js';

export interface Step {
  readonly types: readonly RelType[];
  readonly direction: Direction;
  /** Keep only nodes of this label. */
  readonly label?: Label;
}

export interface RoleRule {
  /** Where the role attaches: a project role is on a project; an evaluation role on an evaluation (and through it, on each project it evaluates). */
  readonly on: 'Project' | 'Evaluation';
  /** From that node to the organisation. */
  readonly steps: readonly Step[];
  readonly description: string;
}

const to = (types: readonly RelType[], label: Label = 'Organization'): Step => ({ types, direction: 'out', label });

export const ROLE_RULES = {
  PARTNER: { on: 'Project', steps: [to(['PARTNERED_WITH'])], description: 'Partner institution of a project (see `lead`).' },
  IMPLEMENTER: { on: 'Project', steps: [to(['IMPLEMENTED_BY'])], description: 'Implemented a project.' },
  FUNDER: { on: 'Project', steps: [to(['FUNDED_BY'])], description: 'Funded a project (a brief names it as the project\'s donor).' },
  DONOR: { on: 'Evaluation', steps: [to(['FUNDED_BY'])], description: 'Donor of what an evaluation evaluated, as the evaluation repository names it.' },
  COMMISSIONER: { on: 'Evaluation', steps: [to(['COMMISSIONED_BY'])], description: 'Commissioned an evaluation.' },
  EVALUATOR: { on: 'Evaluation', steps: [to(['CONDUCTED_BY'])], description: 'Conducted an evaluation (an evaluation firm, or an evaluation office).' },
  AUDIENCE: { on: 'Evaluation', steps: [to(['RECOMMENDS'], 'Recommendation'), to(['ADDRESSED_TO'])], description: 'A recommendation of an evaluation is addressed to it.' },
  EMPLOYER: { on: 'Evaluation', steps: [to(['CONDUCTED_BY', 'MANAGED_BY'], 'Person'), to(['WORKS_FOR'])], description: 'Employs an evaluator or the manager of an evaluation.' },
} as const satisfies Record<string, RoleRule>;

export type AttachedRole = keyof typeof ROLE_RULES;
export const ATTACHED_ROLES = Object.keys(ROLE_RULES) as AttachedRole[];
/** Every role: those attached to a project or evaluation, and the two between organisations. */
export const ROLES = [...ATTACHED_ROLES, 'PARENT', 'UNIT'] as const;
export type Role = (typeof ROLES)[number];

/** The path from a project to the organisation playing a role (evaluation roles go through the project's evaluations). */
export function pathFromProject(role: AttachedRole): readonly Step[] {
  const rule: RoleRule = ROLE_RULES[role];
  return rule.on === 'Project' ? rule.steps : [{ types: ['EVALUATES'], direction: 'in', label: 'Evaluation' }, ...rule.steps];
}

/** The same path walked the other way, from the end label. */
export function reverse(steps: readonly Step[], startLabel: Label): Step[] {
  const labels: (Label | undefined)[] = [startLabel, ...steps.map((s) => s.label)];
  return steps
    .map((s, i) => ({ types: s.types, direction: (s.direction === 'out' ? 'in' : 'out') as Direction, label: labels[i] }))
    .reverse();
}
