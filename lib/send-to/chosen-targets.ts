import { checkTargetTemplate, customAsTarget, type CustomTarget } from './custom-targets';
import { BUILTIN_TARGETS, type BuiltinTargetId, type SendTarget } from './targets';

export interface SendToChoice {
  /** The built-in tools the user ticked, listed in the table's order. */
  targets: BuiltinTargetId[];
  custom: CustomTarget[];
}

/** What the "Send to…" menu lists: ticked tools, then the user's own (those with a usable address). */
export function chosenTargets(choice: SendToChoice): SendTarget[] {
  const builtin = BUILTIN_TARGETS.filter((target) => choice.targets.includes(target.id));
  const custom = choice.custom.filter((entry) => !checkTargetTemplate(entry.template)).map(customAsTarget);
  return [...builtin, ...custom];
}
