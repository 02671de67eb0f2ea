import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_cases.ts';
import * as m0003 from './0003_measures.ts';
import * as m0004 from './0004_controlling.ts';
import * as m0005 from './0005_district_outline.ts';
import * as m0006 from './0006_social_indicator.ts';
import * as m0007 from './0007_case_district_index.ts';
import * as m0008 from './0008_household_created_by.ts';
import * as m0009 from './0009_data_version.ts';
import * as m0010 from './0010_network_tie_version.ts';
import * as m0011 from './0011_processes.ts';
import * as m0012 from './0012_child_protection.ts';
import * as m0013 from './0013_notes_notifications_jobs.ts';
import * as m0014 from './0014_measure_withdrawn.ts';
import * as m0015 from './0015_visit_checklist.ts';
import * as m0016 from './0016_worklist.ts';
import * as m0017 from './0017_intake_addresses.ts';
import * as m0018 from './0018_unknown_birth_date.ts';
import * as m0019 from './0019_measure_plausibility.ts';
import * as m0020 from './0020_district_work.ts';
import * as m0022 from './0022_sso.ts';
import * as m0023 from './0023_absence.ts';
import * as m0024 from './0024_case_reopening.ts';
import * as m0025 from './0025_staff_history.ts';
import * as m0026 from './0026_rentabilitaet.ts';
import * as m0027 from './0027_hze_statistics.ts';
import * as m0028 from './0028_atlas.ts';
import * as m0029 from './0029_team_work.ts';
import * as m0030 from './0030_handovers.ts';
import * as m0031 from './0031_confided.ts';
import * as m0032 from './0032_retention.ts';
import * as m0033 from './0033_visits_networks.ts';
import * as m0036 from './0036_confided_records.ts';
import * as m0037 from './0037_audit_pending_reads.ts';
import * as m0038 from './0038_confided_plans.ts';
import * as m0039 from './0039_confided_measures.ts';
import * as m0040 from './0040_person_phonetic_index.ts';
import * as m0044 from './0044_household_search.ts';
import * as m0045 from './0045_household_search_text.ts';

/** Versioned migrations, applied in key order. Never edit one that has shipped: add the next. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_cases': m0002,
  '0003_measures': m0003,
  '0004_controlling': m0004,
  '0005_district_outline': m0005,
  '0006_social_indicator': m0006,
  '0007_case_district_index': m0007,
  '0008_household_created_by': m0008,
  '0009_data_version': m0009,
  '0010_network_tie_version': m0010,
  '0011_processes': m0011,
  '0012_child_protection': m0012,
  '0013_notes_notifications_jobs': m0013,
  '0014_measure_withdrawn': m0014,
  '0015_visit_checklist': m0015,
  '0016_worklist': m0016,
  '0017_intake_addresses': m0017,
  '0018_unknown_birth_date': m0018,
  '0019_measure_plausibility': m0019,
  '0020_district_work': m0020,
  '0022_sso': m0022,
  '0023_absence': m0023,
  '0024_case_reopening': m0024,
  '0025_staff_history': m0025,
  '0026_rentabilitaet': m0026,
  '0027_hze_statistics': m0027,
  '0028_atlas': m0028,
  '0029_team_work': m0029,
  '0033_visits_networks': m0033,
  '0030_handovers': m0030,
  '0031_confided': m0031,
  '0032_retention': m0032,
  '0036_confided_records': m0036,
  '0037_audit_pending_reads': m0037,
  '0038_confided_plans': m0038,
  '0039_confided_measures': m0039,
  '0040_person_phonetic_index': m0040,
  '0044_household_search': m0044,
  '0045_household_search_text': m0045,
};
