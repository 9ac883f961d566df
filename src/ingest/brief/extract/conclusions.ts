/** Conclusions and lessons learned: one entry per paragraph, bullet or numbered item. */
import type { Brief } from '../draft.js';

export function readConclusionsAndLessons(b: Brief): void {
  for (const [kind, field] of [['conclusions', 'conclusions'], ['lessons', 'lessonsLearned']] as const) {
    for (const element of b.elementsOf(kind)) {
      if (element.kind === 'heading' || element.kind === 'audience' || b.taken.has(element)) continue;
      const text = element.kind === 'item' ? element.text.replace(/^\(?(?:\d{1,2}|[A-Za-z])[.)]\s+/, '') : element.text;
      const list = b.evaluation[field];
      list.push(text);
      if (kind === 'conclusions') b.narrative.push(element);
      b.report.add(`evaluation.${field}[${list.length - 1}]`, element, text);
    }
  }
}
