import type {
  ConferenceDetail,
  ConferenceItem,
  ConferenceRubric,
  ConferenceSummary,
  TopicHit,
} from '@leuchtturm/shared';
import type { ConferenceRow } from './queries/conferences.ts';
import type { closingsBetween, ItemRow } from './queries/items.ts';

type ClosingRow = Awaited<ReturnType<typeof closingsBetween>>[number];

export function presentConferenceSummary(row: {
  id: string;
  team_id: string;
  team_name: string;
  held_on: string;
  items: string | null;
  attendees: string | null;
}): ConferenceSummary {
  return {
    id: row.id,
    team: { id: row.team_id, name: row.team_name },
    heldOn: row.held_on,
    items: Number(row.items ?? 0),
    attendees: Number(row.attendees ?? 0),
  };
}

export function presentItem(row: ItemRow): ConferenceItem {
  return {
    id: row.id,
    rubric: row.rubric as ConferenceRubric,
    title: row.title,
    body: row.body,
    case: row.case_id && row.case_number ? { id: row.case_id, caseNumber: row.case_number } : null,
    need: row.need_id && row.need_text ? { id: row.need_id, text: row.need_text } : null,
    microProject:
      row.micro_project_id && row.project_name ? { id: row.micro_project_id, name: row.project_name } : null,
    createdBy: row.created_by,
  };
}

export function presentConferenceDetail(
  conference: ConferenceRow,
  parts: {
    items: ItemRow[];
    closedAfter: string;
    tips: ClosingRow[];
    members: { id: string; display_name: string; present: string | null }[];
    mayManage: boolean;
  },
): ConferenceDetail {
  return {
    id: conference.id,
    team: { id: conference.team_id, name: conference.team_name },
    heldOn: conference.held_on,
    closedAfter: parts.closedAfter,
    minutes: conference.minutes,
    version: conference.version,
    items: parts.items.map(presentItem),
    closingTips: parts.tips.map((t) => ({
      caseId: t.id,
      caseNumber: t.case_number,
      closedOn: t.closed_on,
      tip: t.closing_tip,
      reopened: t.reopened,
    })),
    members: parts.members.map((m) => ({ id: m.id, name: m.display_name, present: m.present !== null })),
    mayManage: parts.mayManage,
  };
}

export function presentTopicHit(row: {
  conference_id: string;
  held_on: string;
  team_id: string;
  team_name: string;
  title: string;
  body: string;
}): TopicHit {
  return {
    conferenceId: row.conference_id,
    heldOn: row.held_on,
    team: { id: row.team_id, name: row.team_name },
    title: row.title,
    body: row.body,
  };
}
