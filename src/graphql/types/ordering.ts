/**
 * `orderBy` inputs of the connections: which field, which direction. Each field maps to a node
 * property the stores order by (as lower-case text, missing values last, ties by id).
 */
import { Field, InputType, registerEnumType } from 'type-graphql';
import { enumOf } from './enumOf.js';

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: { ASC: { description: 'Ascending (A to Z, oldest first); missing values last.' }, DESC: { description: 'Descending (Z to A, newest first); missing values first.' } },
});

function orderInput<F extends Record<string, string>>(name: string, what: string, fields: F, descriptions: Record<keyof F, string>) {
  const fieldEnum = enumOf(Object.keys(fields) as (keyof F & string)[]);
  registerEnumType(fieldEnum, {
    name: `${name}OrderField`,
    description: `Fields ${what} can be ordered by.`,
    valuesConfig: Object.fromEntries(Object.keys(fields).map((k) => [k, { description: descriptions[k as keyof F] }])),
  } as Parameters<typeof registerEnumType>[1]);

  @InputType(`${name}Order`, { description: `How to order ${what}; ties are broken by id.` })
  class Order {
    @Field(() => fieldEnum, { description: 'The field to order by.' })
    field!: keyof F;

    @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'The direction (default ASC).' })
    direction!: OrderDirection;
  }

  const toListOrder = (order: Order | null | undefined) => (order ? { property: fields[order.field as keyof F]!, descending: order.direction === OrderDirection.DESC } : undefined);
  return { Order, toListOrder };
}

export const EvaluationOrdering = orderInput('Evaluation', 'evaluations', { TITLE: 'title', FINAL_REPORT_DATE: 'finalReportDate' }, { TITLE: 'Title.', FINAL_REPORT_DATE: 'Date of the final report.' });
export const ProjectOrdering = orderInput('Project', 'projects', { TITLE: 'title', CODE: 'code', START_DATE: 'startDate' }, { TITLE: 'Title.', CODE: 'Project code.', START_DATE: 'Start of the project period.' });
export const OrganizationOrdering = orderInput('Organization', 'organisations', { NAME: 'name', ACRONYM: 'acronym' }, { NAME: 'Name.', ACRONYM: 'Acronym.' });
export const RecommendationOrdering = orderInput('Recommendation', 'recommendations', { CODE: 'code' }, { CODE: 'Code within its evaluation.' });
