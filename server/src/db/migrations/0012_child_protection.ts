import type { Kysely } from 'kysely';
import { executeScript } from '../script.ts';

/**
 * Child protection under § 8a SGB VIII (docs/child-protection.md): one check per child and report, its
 * consequences, and what Aufträge and Auflagen are for. The check holds every field of the official statistic
 * (§ 99 (6) SGB VIII) that the person does not hold already.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await executeScript(
    db,
    `
    -- An Auftrag clarifies a suspected or averts a threatened endangerment; an Auflage always averts one. Existing
    -- Aufträge are taken to clarify (the first purpose of the method), existing Auflagen to avert.
    alter table mandate add column purpose text;
    update mandate set purpose = case kind when 'auflage' then 'abwendung' else 'klaerung' end;
    alter table mandate alter column purpose set not null;
    alter table mandate add constraint mandate_purpose_check
      check (purpose in ('klaerung', 'abwendung') and (kind = 'auftrag' or purpose = 'abwendung'));
    alter table mandate add column review_on date;
    -- An Auflage escalated from a failed Auftrag keeps the link; each Auftrag is escalated at most once.
    alter table mandate add column escalated_from_id uuid;
    alter table mandate add constraint mandate_escalated_from_fk
      foreign key (tenant_id, escalated_from_id) references mandate (tenant_id, id);
    alter table mandate add constraint mandate_escalated_kind_check
      check (escalated_from_id is null or kind = 'auflage');
    create unique index mandate_escalated_from_idx on mandate (tenant_id, escalated_from_id)
      where escalated_from_id is not null;

    create table child_protection_check (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      case_id uuid not null,
      child_id uuid not null,
      -- Meldung
      received_at timestamptz not null,
      reporter_kind text not null check (reporter_kind in ('polizei_gericht', 'schule', 'kita', 'gesundheitswesen',
        'beratungsstelle', 'jugendhilfe', 'soziale_dienste', 'verwandte', 'bekannte_nachbarn', 'eltern',
        'minderjaehrige_selbst', 'anonym', 'sonstige')),
      reporter_name text,
      channel text not null check (channel in ('telefonisch', 'persoenlich', 'schriftlich', 'email', 'sonstige')),
      report_text text not null,
      taken_by uuid not null,
      -- Ersteinschätzung; the deadline of the assessment follows from the urgency
      urgency text check (urgency in ('sofort', 'innerhalb_24h', 'innerhalb_72h', 'regulaer')),
      urgency_reason text,
      urgency_decided_at timestamptz,
      urgency_decided_by uuid,
      assessment_due_at timestamptz,
      -- Gefährdungseinschätzung im Zusammenwirken mehrerer Fachkräfte
      assessment_held_at timestamptz,
      assessment_participant_ids uuid[],
      assessment_facts text,
      risk_factors text,
      protective_factors text,
      -- Inaugenscheinnahme, or why it was not needed
      visit_status text check (visit_status in ('durchgefuehrt', 'nicht_erforderlich')),
      visit_at timestamptz,
      visit_kind text check (visit_kind in ('hausbesuch', 'einrichtung', 'einbestellung', 'sonstige')),
      child_seen boolean,
      visit_findings text,
      visit_reason text,
      -- Ergebnis and the statistic's fields
      result text check (result in ('akut', 'latent', 'hilfebedarf', 'kein_bedarf')),
      completed_on date,
      endangerment_types text[] not null default '{}'
        check (endangerment_types <@ array['vernachlaessigung', 'koerperlich', 'psychisch', 'sexuell']),
      danger_sources text[] not null default '{}'
        check (danger_sources <@ array['mutter', 'vater', 'stiefelternteil', 'sonstige']),
      residence text check (residence in ('eltern', 'elternteil_partner', 'alleinerziehend', 'verwandte',
        'pflegefamilie', 'heim', 'eigene_wohnung', 'ohne_festen', 'unbekannt', 'sonstige')),
      mother_age_group text check (mother_age_group in ('unter_18', 'von_18_bis_26', 'ab_27', 'unbekannt')),
      father_age_group text check (father_age_group in ('unter_18', 'von_18_bis_26', 'ab_27', 'unbekannt')),
      parent_foreign_origin text check (parent_foreign_origin in ('ja', 'nein', 'unbekannt')),
      german_at_home text check (german_at_home in ('ja', 'nein', 'unbekannt')),
      services_in_use boolean,
      service_kinds text[] not null default '{}'
        check (service_kinds <@ array['foerderung_familie', 'kindertagesbetreuung', 'hze_ambulant',
          'hze_stationaer', 'eingliederungshilfe', 'sonstige']),
      result_note text,
      result_decided_by uuid,
      result_consultation_id uuid,
      -- Abschluss
      status text not null default 'offen' check (status in ('offen', 'abgeschlossen')),
      closed_at timestamptz,
      closed_by uuid,
      created_by uuid,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, case_id) references case_file (tenant_id, id),
      foreign key (tenant_id, child_id) references person (tenant_id, id),
      foreign key (tenant_id, taken_by) references app_user (tenant_id, id),
      foreign key (tenant_id, urgency_decided_by) references app_user (tenant_id, id),
      foreign key (tenant_id, result_decided_by) references app_user (tenant_id, id),
      foreign key (tenant_id, closed_by) references app_user (tenant_id, id),
      foreign key (tenant_id, created_by) references app_user (tenant_id, id),
      foreign key (tenant_id, result_consultation_id) references risk_consultation (tenant_id, id),
      check (reporter_kind <> 'anonym' or reporter_name is null),
      check ((urgency is null) = (assessment_due_at is null)),
      check (assessment_participant_ids is null or cardinality(assessment_participant_ids) >= 2),
      check (result is null or (assessment_participant_ids is not null and visit_status is not null
        and completed_on is not null and residence is not null)),
      check ((status = 'abgeschlossen') = (closed_at is not null)),
      check (status = 'offen' or result is not null)
    );
    create index child_protection_check_case_idx on child_protection_check (tenant_id, case_id, received_at);
    create index child_protection_check_child_idx on child_protection_check (tenant_id, child_id);
    -- The work list: open checks whose assessment is still due.
    create index child_protection_check_due_idx on child_protection_check (tenant_id, assessment_due_at)
      where status = 'offen' and assessment_held_at is null;
    -- The statistic counts assessments by the month they were completed.
    create index child_protection_check_completed_idx on child_protection_check (tenant_id, completed_on)
      where result is not null;

    create table protection_measure (
      tenant_id uuid not null,
      id uuid not null default gen_random_uuid(),
      check_id uuid not null,
      kind text not null check (kind in ('schutzplan', 'hilfeangebot', 'familiengericht', 'inobhutnahme', 'abschluss')),
      decided_on date not null,
      description text,
      review_dates date[] not null default '{}',
      offer_kind text check (offer_kind in ('foerderung_familie', 'kindertagesbetreuung', 'hze_ambulant',
        'hze_stationaer', 'eingliederungshilfe', 'sonstige')),
      begin_at timestamptz,
      place text,
      carers_informed_at timestamptz,
      carers_informed_how text,
      end_at timestamptz,
      end_reason text check (end_reason in ('rueckkehr', 'hilfe', 'andere_stelle', 'entweichung', 'sonstige')),
      created_by uuid,
      created_at timestamptz not null default now(),
      version integer not null default 1,
      primary key (tenant_id, id),
      foreign key (tenant_id, check_id) references child_protection_check (tenant_id, id),
      foreign key (tenant_id, created_by) references app_user (tenant_id, id),
      check (kind <> 'schutzplan' or cardinality(review_dates) >= 1),
      check (kind <> 'hilfeangebot' or offer_kind is not null),
      check (kind <> 'inobhutnahme' or (begin_at is not null and place is not null and carers_informed_how is not null)),
      check (end_at is null or end_at >= begin_at),
      check ((end_at is null) = (end_reason is null))
    );
    create index protection_measure_check_idx on protection_measure (tenant_id, check_id);
    create index protection_measure_care_idx on protection_measure (tenant_id, begin_at) where kind = 'inobhutnahme';

    -- The Aufträge and Auflagen a Schutzplan includes.
    create table protection_measure_mandate (
      tenant_id uuid not null,
      measure_id uuid not null,
      mandate_id uuid not null,
      primary key (tenant_id, measure_id, mandate_id),
      foreign key (tenant_id, measure_id) references protection_measure (tenant_id, id) on delete cascade,
      foreign key (tenant_id, mandate_id) references mandate (tenant_id, id)
    );
    create index protection_measure_mandate_idx on protection_measure_mandate (tenant_id, mandate_id);
    `,
  );
}
