/**
 * The adoption view (`GET /api/adoption`) for company admins and champions:
 * weekly aggregates per department, never an individual's activity. Any
 * department with fewer than `ADOPTION_MIN_GROUP` active people in a week is
 * suppressed, and the week's totals add up the shown departments only, so a
 * suppressed department cannot be read back by subtracting them from a
 * total. Also the champion mark admins set on people.
 */
import { z } from 'zod';

/** Smallest number of people a figure may describe. */
export const ADOPTION_MIN_GROUP = 5;
/** Most weeks one report covers. */
export const ADOPTION_MAX_WEEKS = 26;

const count = z.number().int().nonnegative();

/** The figures of a group of people in one week. */
export const AdoptionFiguresSchema = z.object({
  activePeople: count,
  notesCreated: count,
  notesEdited: count,
});
export type AdoptionFigures = z.infer<typeof AdoptionFiguresSchema>;

/** One department in one week: its figures, or only that it was too small to show. */
export const AdoptionDepartmentSchema = z.discriminatedUnion('suppressed', [
  z.object({
    /** Null: people without a department in the directory. */
    department: z.string().nullable(),
    suppressed: z.literal(false),
    figures: AdoptionFiguresSchema,
  }),
  z.object({ department: z.string().nullable(), suppressed: z.literal(true) }),
]);
export type AdoptionDepartment = z.infer<typeof AdoptionDepartmentSchema>;

export const AdoptionWeekSchema = z.object({
  /** ISO week, e.g. `2026-W49`. */
  week: z.string(),
  /** Sums over the shown (not suppressed) departments only. */
  total: AdoptionFiguresSchema,
  /** Spaces with at least one edited note that week. */
  activeSpaces: count,
  /** Departments by name; suppressed ones too, without figures. */
  departments: z.array(AdoptionDepartmentSchema),
});
export type AdoptionWeek = z.infer<typeof AdoptionWeekSchema>;

export const AdoptionReportSchema = z.object({
  minGroupSize: z.number().int().positive(),
  /** Oldest first, the current week last. */
  weeks: z.array(AdoptionWeekSchema),
});
export type AdoptionReport = z.infer<typeof AdoptionReportSchema>;

/** `PUT /api/admin/people/{userId}/champion`. */
export const SetChampionRequestSchema = z.object({ champion: z.boolean() }).strict();
