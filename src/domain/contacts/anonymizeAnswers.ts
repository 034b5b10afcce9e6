/**
 * A respondent's answers with everything they wrote or said removed, for
 * erasure: scores, yes/no and chosen options stay (they count, anonymously),
 * open text becomes blank and a voice comment goes entirely (a voice is
 * personal data, and so may be its transcript).
 */
export type QuestionKinds = ReadonlyMap<string, string>;

/** `kinds`: question id → question type of the survey version the answers were given under. */
export function anonymizeAnswers(answers: Readonly<Record<string, unknown>>, kinds: QuestionKinds): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [questionId, value] of Object.entries(answers)) {
    const kind = kinds.get(questionId);
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) result[questionId] = value;
    else if (Array.isArray(value)) result[questionId] = kind === 'multiple_choice' ? value : [];
    // A single choice is an option id, not words; any other text (open text, unknown questions) is blanked.
    else if (typeof value === 'string') result[questionId] = kind === 'single_choice' ? value : '';
    else result[questionId] = null;
  }
  return result;
}
