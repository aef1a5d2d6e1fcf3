import type { ResourceDef } from '../../../shared/framework/types';
import { getActivityAggregate } from './getActivityAggregate.operation';
import { getActivityAggregateByPeriod } from './getActivityAggregateByPeriod.operation';
import { getActivityDayByDay } from './getActivityDayByDay.operation';
import { getAnsweredScorecards } from './getAnsweredScorecards.operation';
import { getInteractionStats } from './getInteraction.operation';

export const statsResource: ResourceDef = {
	value: 'stats',
	name: 'Stats',
	description: 'User activity, interaction stats and answered scorecards',
	operations: [getInteractionStats, getAnsweredScorecards, getActivityDayByDay, getActivityAggregate, getActivityAggregateByPeriod],
};
