import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ACTION_STATUSES, FOLLOW_UP_STATUSES, RESPONSES, type ActionStatus, type FollowUpStatus as FollowUpStatusName, type ResponseKind } from '../../services/followUp.js';
import { ChangeEvent, FollowUpAction } from './entities.js';
import { enumOf } from './enumOf.js';


export const ManagementResponse = enumOf(RESPONSES);
registerEnumType(ManagementResponse, {
  name: 'ManagementResponse',
  description: "Management's response to a recommendation.",
  valuesConfig: { ACCEPTED: { description: 'Accepted.' }, PARTIALLY_ACCEPTED: { description: 'Partially accepted.' }, REJECTED: { description: 'Rejected.' } },
});

export const ActionStatusEnum = enumOf(ACTION_STATUSES);
registerEnumType(ActionStatusEnum, {
  name: 'ActionStatus',
  description: 'Status of a follow-up action.',
  valuesConfig: {
    NOT_STARTED: { description: 'Not started.' },
    INITIATED: { description: 'Under way.' },
    COMPLETED: { description: 'Done.' },
    NO_LONGER_APPLICABLE: { description: 'No longer applicable.' },
  },
});

export const FollowUpStatusEnum = enumOf(FOLLOW_UP_STATUSES);
registerEnumType(FollowUpStatusEnum, {
  name: 'FollowUpStatus',
  description: 'Overall follow-up status of a recommendation, derived from its response and actions.',
  valuesConfig: {
    NOT_STARTED: { description: 'No action under way yet.' },
    INITIATED: { description: 'Some action under way or done.' },
    COMPLETED: { description: 'Every applicable action is done.' },
    NO_LONGER_APPLICABLE: { description: 'Every action is no longer applicable, or the recommendation was rejected and has no action.' },
    OVERDUE: { description: 'An action not yet completed is past its due date.' },
  },
});

@ObjectType('FollowUp', { simpleResolvers: true, description: 'The management response to a recommendation, the actions taken on it, and the history of changes.' })
export class FollowUp {
  @Field(() => ManagementResponse, { nullable: true, description: 'The response, once given.' })
  response!: ResponseKind | null;

  @Field(() => String, { nullable: true, description: 'The text of the response.' })
  responseText!: string | null;

  @Field(() => String, { nullable: true, description: 'When the response was given (ISO 8601 timestamp).' })
  respondedAt!: string | null;

  @Field(() => [FollowUpAction], { description: 'Follow-up actions, oldest first.' })
  actions!: FollowUpAction[];

  @Field(() => [ChangeEvent], { description: 'Every change, oldest first.' })
  history!: ChangeEvent[];

  @Field(() => FollowUpStatusEnum, { description: 'Overall status, derived from the response and the actions as of today.' })
  status!: FollowUpStatusName;
}

export type { ActionStatus };
