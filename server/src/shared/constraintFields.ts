/**
 * The field a refused table check constraint is about, for the 400 that names it (fromDatabaseError). PostgreSQL
 * names a column's own check `<table>_<column>_check`, so the column is read from the name; a check over several
 * columns is named `<table>_check`, `<table>_check1`, ... (or by hand), and its field is listed here: the column a
 * user would correct (the end of a period, the second half of a pair). `constraintFields.int.test.ts` asserts that
 * every check constraint of the schema yields a column of its table, so a new one without a derivable name fails
 * until it is listed.
 */
const checkColumns: Record<string, string> = {
  absence_check: 'deputy_user_id',
  absence_check1: 'to_on',
  atlas_entry_check: 'lat',
  audit_log_chained_check: 'seq',
  case_file_check: 'closed_on',
  case_file_check1: 'closed_on',
  case_note_check: 'linked_id',
  case_note_check1: 'corrects_id',
  case_retention_check: 'erased_at',
  case_retention_check1: 'restriction_reason',
  case_transmission_check: 'legal_basis',
  child_protection_check_check: 'reporter_name',
  child_protection_check_check1: 'assessment_due_at',
  child_protection_check_check2: 'result',
  child_protection_check_check3: 'closed_at',
  child_protection_check_check4: 'result',
  deputy_check: 'deputy_user_id',
  district_network_check: 'district_id',
  help_type_check: 'valid_to',
  household_address_check: 'street_name',
  mandate_escalated_kind_check: 'kind',
  measure_check: 'individual_amount',
  measure_check1: 'individual_unit',
  measure_check2: 'end_on',
  measure_check3: 'end_reason',
  micro_project_check: 'ends_on',
  micro_project_budget_check: 'spent',
  micro_project_referral_check: 'case_id',
  need_not_merged_into_itself: 'merged_into_id',
  process_instance_check: 'ended_at',
  process_instance_check1: 'cancel_reason',
  process_instance_check2: 'subject_id',
  process_step_check: 'done_at',
  process_step_check1: 'skip_reason',
  process_step_check2: 'completed_by_id',
  process_step_check3: 'completed_by_type',
  protection_measure_check: 'review_dates',
  protection_measure_check1: 'offer_kind',
  protection_measure_check2: 'begin_at',
  protection_measure_check3: 'end_at',
  protection_measure_check4: 'end_reason',
  rate_check: 'valid_to',
  responsibility_check: 'house_to',
  responsibility_check1: 'house_to',
  staff_period_check: 'valid_to',
  training_status_check: 'done_on',
  visit_checklist_entry_check: 'note',
};

/** The column a check constraint of `table` guards, or undefined when neither its name nor the list says. */
export function columnOfCheck(table: string | undefined, constraint: string | undefined): string | undefined {
  if (!constraint) return undefined;
  const listed = checkColumns[constraint];
  if (listed) return listed;
  const suffix = '_check';
  if (!table || !constraint.startsWith(`${table}_`) || !constraint.endsWith(suffix)) return undefined;
  const column = constraint.slice(table.length + 1, -suffix.length);
  return column === '' ? undefined : column;
}

/** A column as the API names its field: `valid_to` → `validTo`. */
export function fieldOfColumn(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
