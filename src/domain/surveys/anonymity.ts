/**
 * Anonymous surveys (eNPS, a complaint line) promise that no answer can be
 * traced to a person. Storing no contact, IP or user agent is not enough when
 * answers are listed one by one: "department = legal" with two people in it,
 * or a time to the minute, can point at someone. So a listing withholds any
 * dimension value shared by fewer than ANONYMOUS_GROUP_MIN answers of the
 * survey, cuts times to the day, and shows nothing at all while the survey
 * has fewer than ANONYMOUS_GROUP_MIN answers.
 */
export const ANONYMOUS_GROUP_MIN = 5;

export interface AnonymousGroupSizes {
  /** Anonymous answers of the survey, all statuses. */
  total: number;
  /** Answers per `key=value` of their attributes. */
  byAttribute: ReadonlyMap<string, number>;
}

export const attributeGroupKey = (key: string, value: string) => `${key}=${value}`;

/** The attributes that may be shown with one anonymous answer, and the keys withheld. */
export function visibleAnonymousAttributes(
  attributes: Readonly<Record<string, string>>,
  sizes: AnonymousGroupSizes,
  min = ANONYMOUS_GROUP_MIN,
): { attributes: Record<string, string>; withheld: string[] } {
  const shown: Record<string, string> = {};
  const withheld: string[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if ((sizes.byAttribute.get(attributeGroupKey(key, value)) ?? 0) >= min) shown[key] = value;
    else withheld.push(key);
  }
  return { attributes: shown, withheld: withheld.sort() };
}

/** Midnight UTC of the day: the time of an anonymous answer, coarsened. */
export const dayOf = (at: Date): Date => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
