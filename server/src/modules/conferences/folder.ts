import { type ConferenceDetail, conferenceRubrics, formatDateDe } from '@leuchtturm/shared';
import type { Ctx } from '../../shared/context.ts';
import { type FormSection, type FormSpec, renderForm } from '../documents/pdf.ts';
import { findTenantName } from '../organisation/queries/tenants.ts';
import { conferenceDetail } from './service.ts';

/**
 * The Wochenkonferenzmappe: agenda and minutes of one conference as PDF, through the shared form layout (so it is
 * checked like every form: nothing overlaps, nothing leaves the page). Reading it is audited as a read and an export.
 */
export function folderSpec(office: string, c: ConferenceDetail): FormSpec {
  const rubric = (key: keyof typeof conferenceRubrics.labels): FormSection => {
    const items = c.items.filter((i) => i.rubric === key);
    return {
      heading: conferenceRubrics.labels[key],
      ...(items.length === 0
        ? { text: 'Keine Punkte.' }
        : {
            list: {
              numbered: true,
              items: items.map((i) => ({
                text: i.title,
                details: [
                  ...(i.body ? [i.body] : []),
                  ...(i.case ? [`Fall ${i.case.caseNumber}`] : []),
                  ...(i.need ? [`Bedarf: ${i.need.text}`] : []),
                  ...(i.microProject ? [`Mikroprojekt: ${i.microProject.name}`] : []),
                ],
              })),
            },
          }),
    };
  };
  const present = c.members.filter((m) => m.present).map((m) => m.name);
  return {
    office,
    unit: c.team.name,
    title: 'Wochenkonferenz',
    meta: [
      ['Datum', formatDateDe(c.heldOn)],
      ['Team', c.team.name],
    ],
    sections: [
      { heading: 'Anwesend', text: present.length > 0 ? present.join(', ') : 'Keine Anwesenheit erfasst.' },
      rubric('fallberatung'),
      rubric('kurzberatung'),
      rubric('tipps_themen'),
      rubric('bedarfsrunde'),
      {
        heading: 'Tipps aus abgeschlossenen Fällen',
        ...(c.closingTips.length === 0
          ? { text: `Seit dem ${formatDateDe(c.closedAfter)} wurde kein Fall abgeschlossen.` }
          : {
              table: {
                columns: [
                  { label: 'Fall', share: 0.2 },
                  { label: 'Abgeschlossen', share: 0.18 },
                  { label: 'Tipp', share: 0.62 },
                ],
                rows: c.closingTips.map((t) => [
                  t.caseNumber,
                  formatDateDe(t.closedOn),
                  `${t.tip ?? 'kein Tipp notiert'}${t.reopened ? ' (inzwischen wieder aufgenommen)' : ''}`,
                ]),
              },
            }),
      },
      { heading: 'Protokoll', text: c.minutes || 'Noch kein Protokoll.' },
    ],
    signatures: ['Moderation', 'Protokoll'],
  };
}

export async function conferenceFolder(ctx: Ctx, id: string): Promise<{ bytes: Uint8Array; name: string }> {
  const detail = await conferenceDetail(ctx, id);
  const tenant = await findTenantName(ctx.db, ctx.actor.tenantId);
  await ctx.audit({ action: 'export', entityType: 'conference', entityId: id, details: { form: 'mappe' } });
  return {
    bytes: await renderForm(folderSpec(tenant.name, detail)),
    name: `Wochenkonferenzmappe-${detail.team.name}-${detail.heldOn}.pdf`,
  };
}
