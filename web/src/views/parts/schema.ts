import { z } from "zod";

// Lenient building blocks for view schemas: a field of the wrong type reads as missing, and a list
// keeps the items that fit and drops the others, so one odd value never costs the whole view.
export const str = z.string().nullish().catch(null);
export const num = z.number().nullish().catch(null);
export const bool = z.boolean().nullish().catch(null);

export function list<T extends z.ZodType>(item: T) {
  return z
    .array(z.unknown())
    .nullish()
    .catch(null)
    .transform((items): z.output<T>[] =>
      (items ?? []).flatMap((value) => {
        const parsed = item.safeParse(value);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

/** Like list, but the field must be an array: a view of a list needs the list. */
export function items<T extends z.ZodType>(item: T) {
  return z.array(z.unknown()).transform((values): z.output<T>[] =>
    values.flatMap((value) => {
      const parsed = item.safeParse(value);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

/** An object that may be missing or malformed: null then. */
export function maybe<T extends z.ZodType>(item: T) {
  return z
    .unknown()
    .optional()
    .transform((value): z.output<T> | null => {
      if (value === null || value === undefined) return null;
      const parsed = item.safeParse(value);
      return parsed.success ? parsed.data : null;
    });
}
