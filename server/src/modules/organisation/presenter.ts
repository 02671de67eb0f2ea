import type {
  Absence,
  District,
  Responsibility,
  Role,
  SocialCentre,
  Staff,
  Street,
  Team,
} from '@leuchtturm/shared';
import type { AbsenceRow } from './queries/absences.ts';
import type {
  listDistricts,
  listResponsibilities,
  listSocialCentres,
  listStreets,
  listTeams,
  StaffRow,
} from './queries/lists.ts';

/** API shapes of the organisation module. Only listed fields leave the server (never e.g. a password hash). */
type Row<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>[number];

export const presentSocialCentre = (r: Row<typeof listSocialCentres>): SocialCentre => ({
  id: r.id,
  name: r.name,
  code: r.code,
  version: r.version,
  teamCount: Number(r.team_count ?? 0),
});

export const presentDistrict = (r: Row<typeof listDistricts>): District => ({
  id: r.id,
  name: r.name,
  code: r.code,
  version: r.version,
  streetCount: Number(r.street_count ?? 0),
});

export const presentTeam = (r: Row<typeof listTeams>): Team => ({
  id: r.id,
  name: r.name,
  version: r.version,
  socialCentreId: r.social_centre_id,
  socialCentreName: r.social_centre_name,
  leadUserId: r.lead_user_id,
  leadName: r.lead_name,
  memberCount: Number(r.member_count ?? 0),
});

export const presentStreet = (r: Row<typeof listStreets>): Street => ({
  id: r.id,
  name: r.name,
  postalCode: r.postal_code,
  districtId: r.district_id,
  districtName: r.district_name,
  version: r.version,
});

export const presentResponsibility = (r: Row<typeof listResponsibilities>): Responsibility => ({
  id: r.id,
  version: r.version,
  streetId: r.street_id,
  streetName: r.street_name,
  districtName: r.district_name,
  teamId: r.team_id,
  teamName: r.team_name,
  houseFrom: r.house_from,
  houseTo: r.house_to,
});

export const presentStaff = (r: StaffRow): Staff => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  email: r.email,
  roles: r.roles as Role[],
  teamId: r.team_id,
  teamName: r.team_name,
  specialisations: r.specialisations as Staff['specialisations'],
  deputyIds: r.deputy_ids,
  fte: r.fte,
  active: r.active,
  version: r.version,
});

export const presentAbsence = (r: AbsenceRow): Absence => ({
  id: r.id,
  userId: r.user_id,
  userName: r.user_name,
  deputyUserId: r.deputy_user_id,
  deputyName: r.deputy_name,
  fromOn: r.from_on,
  toOn: r.to_on,
  note: r.note,
  version: r.version,
});
