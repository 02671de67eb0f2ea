import {
  type AddressCheckResult,
  accessRoutes,
  DATE_INPUT_BOUNDS,
  householdInputSchema,
  intakeInputSchema,
  todayIso,
} from '@leuchtturm/shared';
import {
  Alert,
  Button,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../app/api.ts';
import { DraftOffer } from '../../app/components/DraftOffer.tsx';
import { useFormState } from '../../app/form.ts';
import { Page } from '../../app/Page.tsx';
import { FieldHint } from '../help/FieldHint.tsx';
import { useCreateHousehold, useOpenCase } from './caseQueries.ts';
import { HouseholdStep } from './HouseholdStep.tsx';
import { emptyHousehold, householdBody, placementText } from './householdDraft.ts';
import { useCheckAddress } from './intakeQueries.ts';

/** Step 2 checks everything but the household, which exists only once step 1 has been saved. */
const intakeStepSchema = intakeInputSchema.omit({ householdId: true });
const accessRouteOptions = accessRoutes.values.map((r) => ({ value: r, label: accessRoutes.labels[r] }));

/** Falleingang: the family (household, address, persons with the duplicate check), then how the case came in. */
export function IntakePage() {
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const household = useFormState(emptyHousehold());
  /** Set once the household is saved: a retry after a failed case must not create the family twice. */
  const [householdId, setHouseholdId] = useState<string | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const stepChanged = useRef(false);
  const intake = useFormState(
    { openedOn: todayIso(), accessRoute: null as string | null, reporter: '', concern: '' },
    { draft: 'falleingang:anliegen' },
  );

  /** Step 1's check of the address: district and team, or none (the allocation list). */
  const [checked, setChecked] = useState<AddressCheckResult | null>(null);
  const checkAddress = useCheckAddress();
  const createHousehold = useCreateHousehold();
  const openCase = useOpenCase();
  const submitting = createHousehold.isPending || openCase.isPending;

  // A new step: its heading takes the focus, so screen-reader users learn where they are.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs whenever the step changes
  useEffect(() => {
    if (!stepChanged.current) return;
    stepChanged.current = false;
    stepHeading.current?.focus();
  }, [active]);

  function goTo(step: number) {
    if (step === active) return;
    stepChanged.current = true;
    setActive(step);
  }

  /** Back to step 1 with its messages; the focus goes to the first field to correct, not to the heading. */
  const backToHousehold = () => setActive(0);

  /** Step 1 checked with the shared schema. */
  function validHousehold() {
    const input = household.validate(householdInputSchema, householdBody(household.values));
    if (!input) backToHousehold();
    return input;
  }

  /**
   * Step 1 is checked before step 2 opens: the form by the shared schema, then the address by the directory (an
   * unknown street or a bad number is shown here, at its field). No responsible team is no error: the case will go
   * to the allocation list, which step 2 says.
   */
  async function next(event: FormEvent) {
    event.preventDefault();
    if (householdId !== null) return goTo(1);
    const input = validHousehold();
    if (!input) return;
    const { streetId, houseNumber } = input.address;
    if (streetId !== null && houseNumber !== null) {
      try {
        setChecked(await checkAddress.mutateAsync({ streetId, houseNumber }));
      } catch (error) {
        const fields = error instanceof ApiError ? Object.entries(error.fieldErrors) : [];
        if (fields.length > 0)
          household.check(Object.fromEntries(fields.map(([f, m]) => [`address.${f}`, m])));
        else household.setFormError(`Die Adresse konnte nicht geprüft werden. ${errorMessage(error)}`);
        return;
      }
    } else {
      setChecked(null);
    }
    goTo(1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { openedOn, accessRoute, reporter, concern } = intake.values;
    const details = intake.validate(intakeStepSchema, {
      openedOn,
      accessRoute,
      reporter: reporter.trim() === '' ? null : reporter,
      concern,
    });
    if (!details) return;

    let id = householdId;
    if (id === null) {
      const input = validHousehold();
      if (!input) return;
      try {
        id = (await createHousehold.mutateAsync(input)).id;
        setHouseholdId(id);
      } catch (error) {
        // Problems with the family belong to step 1; everything else is shown here.
        if (error instanceof ApiError && error.status === 400) {
          household.showServerError(error);
          backToHousehold();
        } else {
          intake.setFormError(`Die Familie wurde nicht gespeichert. ${errorMessage(error)}`);
        }
        return;
      }
    }

    try {
      const request = openCase.mutateAsync({ householdId: id, ...details });
      intake.send(request);
      const created = await request;
      notifications.show({
        color: 'green',
        title: 'Fall eröffnet',
        message: `Der Fall ${created.caseNumber} wurde angelegt.`,
      });
      void navigate({ to: '/faelle/$caseId', params: { caseId: created.id } });
    } catch (error) {
      intake.showServerError(error);
    }
  }

  const placement = placementText(household.values.address, checked);
  const toAllocation =
    household.values.address.kind !== 'fest' || (checked !== null && checked.team === null);
  const stepProps = (step: number) => (active === step ? { 'aria-current': 'step' as const } : {});

  return (
    <Page title="Falleingang">
      <Stepper active={active} onStepClick={goTo} allowNextStepsSelect={false} maw={1100}>
        <Stepper.Step label="Familie" description="Haushalt und Personen" {...stepProps(0)}>
          <form onSubmit={next} noValidate ref={household.formRef} aria-labelledby="schritt-titel">
            <Stack gap="lg" pt="md">
              <Title
                order={2}
                size="h3"
                id="schritt-titel"
                ref={stepHeading}
                tabIndex={-1}
                className="page-heading"
              >
                Schritt 1 von 2: Familie
              </Title>
              {household.formError && (
                <Alert color="red" role="alert" title="Die Familie ist noch nicht gespeichert">
                  {household.formError}
                </Alert>
              )}
              <HouseholdStep
                form={household}
                locked={householdId !== null}
                onAddressChange={() => setChecked(null)}
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" component={Link} to="/faelle">
                  Abbrechen
                </Button>
                <Button type="submit" loading={checkAddress.isPending}>
                  Weiter
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
        <Stepper.Step label="Falleingang" description="Zugang und Anliegen" {...stepProps(1)}>
          <form onSubmit={submit} noValidate ref={intake.formRef} aria-labelledby="schritt-titel">
            <Stack gap="lg" pt="md" maw={800}>
              <Title
                order={2}
                size="h3"
                id="schritt-titel"
                ref={stepHeading}
                tabIndex={-1}
                className="page-heading"
              >
                Schritt 2 von 2: Falleingang
              </Title>
              {intake.formError && (
                <Alert color="red" role="alert" title="Nicht gespeichert">
                  {intake.formError}
                </Alert>
              )}
              {placement && (
                <Alert
                  color="blue"
                  title={toAllocation ? 'Zuteilung durch die Referatsleitung' : 'Zuständigkeit'}
                >
                  {placement}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label="Eingangsdatum"
                  type="date"
                  required
                  withAsterisk={false}
                  min={DATE_INPUT_BOUNDS.min}
                  max={todayIso()}
                  value={intake.values.openedOn}
                  onChange={(e) => intake.set('openedOn', e.currentTarget.value)}
                  error={intake.errors.openedOn}
                />
                <Select
                  label="Zugangsweg"
                  description={<FieldHint hint="zugangsweg" />}
                  required
                  withAsterisk={false}
                  data={accessRouteOptions}
                  value={intake.values.accessRoute}
                  onChange={(value) => intake.set('accessRoute', value)}
                  error={intake.errors.accessRoute}
                />
              </SimpleGrid>
              <DraftOffer draft={intake.draft} />
              <TextInput
                label="Meldende Stelle/Person (optional)"
                value={intake.values.reporter}
                onChange={(e) => intake.set('reporter', e.currentTarget.value)}
                error={intake.errors.reporter}
              />
              <Textarea
                label="Anliegen in den Worten der Familie"
                required
                withAsterisk={false}
                autosize
                minRows={4}
                value={intake.values.concern}
                onChange={(e) => intake.set('concern', e.currentTarget.value)}
                error={intake.errors.concern}
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => goTo(0)} disabled={submitting}>
                  Zurück
                </Button>
                <Button type="submit" loading={submitting}>
                  Fall eröffnen
                </Button>
              </Group>
            </Stack>
          </form>
        </Stepper.Step>
      </Stepper>
    </Page>
  );
}
