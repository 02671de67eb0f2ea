import { type CaseDetail, tieKinds, tieQualities } from '@leuchtturm/shared';
import { Stack, Text, Title } from '@mantine/core';

type Tie = CaseDetail['network'][number];
type Quality = Tie['quality'];

const CENTRE = 260;
const FAMILY_RADIUS = 62;
const NODE_RADIUS = 16;
/** Nähe 1 (near) to 3 (far) as the radius of its ring. */
const RINGS = { 1: 100, 2: 165, 3: 230 } as Record<number, number>;
const BLUE = '#1864ab';
const RED = '#c92a2a';
const INK = '#212529';

const lineStyles: Record<Quality, { width: number; dash?: string; colour: string; zigzag?: boolean }> = {
  stark: { width: 6, colour: BLUE },
  mittel: { width: 3, colour: BLUE },
  schwach: { width: 2, dash: '8 6', colour: BLUE },
  belastet: { width: 2.5, colour: RED, zigzag: true },
};

/** 0° is at the top, counting clockwise. */
function point(angle: number, radius: number) {
  const rad = (angle * Math.PI) / 180;
  return { x: CENTRE + radius * Math.sin(rad), y: CENTRE - radius * Math.cos(rad) };
}

/** A zig-zag from `from` to `to`: the mark of a strained tie. */
function zigzag(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const length = Math.hypot(dx, dy);
  const steps = Math.max(2, Math.floor(length / 10));
  const nx = -dy / length;
  const ny = dx / length;
  const points = [`M${from.x.toFixed(1)} ${from.y.toFixed(1)}`];
  for (let i = 1; i < steps; i++) {
    const t = i / steps;
    const offset = i % 2 === 0 ? -6 : 6;
    points.push(
      `L${(from.x + dx * t + nx * offset).toFixed(1)} ${(from.y + dy * t + ny * offset).toFixed(1)}`,
    );
  }
  points.push(`L${to.x.toFixed(1)} ${to.y.toFixed(1)}`);
  return points.join(' ');
}

function Line({
  quality,
  from,
  to,
}: {
  quality: Quality;
  from: { x: number; y: number };
  to: { x: number; y: number };
}) {
  const style = lineStyles[quality];
  if (style.zigzag) {
    return <path d={zigzag(from, to)} fill="none" stroke={style.colour} strokeWidth={style.width} />;
  }
  return (
    <line
      x1={from.x}
      y1={from.y}
      x2={to.x}
      y2={to.y}
      stroke={style.colour}
      strokeWidth={style.width}
      strokeDasharray={style.dash}
      strokeLinecap="round"
    />
  );
}

function shortName(name: string): string {
  return name.length > 22 ? `${name.slice(0, 21)}…` : name;
}

/**
 * The eco-map: the family in the centre, each person or institution on the ring of its closeness at its angle, the
 * line drawn by the tie's quality. The same data stands in the table next to it for screen readers.
 */
export function NetworkMap({ familyName, ties }: { familyName: string; ties: Tie[] }) {
  const [firstWord, ...rest] = familyName.split(' ');
  const label =
    ties.length === 0
      ? `Netzwerkkarte der ${familyName}: noch keine Einträge.`
      : `Netzwerkkarte der ${familyName} mit ${ties.length} ${ties.length === 1 ? 'Eintrag' : 'Einträgen'}. Die Einträge stehen auch in der Tabelle.`;
  return (
    <Stack gap="sm">
      <svg viewBox="-110 -20 740 560" className="network-map" role="img" aria-label={label}>
        {[1, 2, 3].map((ring) => (
          <circle
            key={ring}
            cx={CENTRE}
            cy={CENTRE}
            r={RINGS[ring]}
            fill="none"
            stroke="#adb5bd"
            strokeDasharray="2 4"
          />
        ))}
        {ties.map((tie) => {
          const radius = RINGS[tie.closeness] ?? RINGS[3] ?? 230;
          const unit = point(tie.angle, 1);
          const dir = { x: unit.x - CENTRE, y: unit.y - CENTRE };
          const from = { x: CENTRE + dir.x * FAMILY_RADIUS, y: CENTRE + dir.y * FAMILY_RADIUS };
          const to = point(tie.angle, radius - NODE_RADIUS);
          return <Line key={`line-${tie.id}`} quality={tie.quality} from={from} to={to} />;
        })}
        <circle cx={CENTRE} cy={CENTRE} r={FAMILY_RADIUS} fill="#e7f5ff" stroke={BLUE} strokeWidth={2} />
        <text x={CENTRE} y={CENTRE} textAnchor="middle" fontSize={19} fontWeight={700} fill={INK}>
          <tspan x={CENTRE} dy={rest.length > 0 ? -5 : 6}>
            {firstWord}
          </tspan>
          {rest.length > 0 && (
            <tspan x={CENTRE} dy={22}>
              {shortName(rest.join(' '))}
            </tspan>
          )}
        </text>
        {ties.map((tie) => {
          const radius = RINGS[tie.closeness] ?? RINGS[3] ?? 230;
          const at = point(tie.angle, radius);
          const stroke = tie.quality === 'belastet' ? RED : INK;
          const below = at.y >= CENTRE - 20;
          return (
            <g key={`node-${tie.id}`}>
              {tie.kind === 'institution' ? (
                <rect
                  x={at.x - NODE_RADIUS}
                  y={at.y - NODE_RADIUS}
                  width={NODE_RADIUS * 2}
                  height={NODE_RADIUS * 2}
                  rx={3}
                  fill="#ffffff"
                  stroke={stroke}
                  strokeWidth={2}
                />
              ) : (
                <circle cx={at.x} cy={at.y} r={NODE_RADIUS} fill="#ffffff" stroke={stroke} strokeWidth={2} />
              )}
              <text
                x={at.x}
                y={below ? at.y + NODE_RADIUS + 20 : at.y - NODE_RADIUS - 9}
                textAnchor="middle"
                fontSize={18}
                fill={INK}
              >
                {tie.confided?.withheld ? 'Anvertraut (§ 65)' : shortName(tie.name)}
              </text>
            </g>
          );
        })}
      </svg>
      <NetworkLegend />
    </Stack>
  );
}

function NetworkLegend() {
  return (
    <Stack gap="xs">
      <Title order={3} size="h6">
        Legende
      </Title>
      <ul className="network-legend">
        {(Object.keys(lineStyles) as Quality[]).map((quality) => (
          <li key={quality}>
            <svg width="44" height="16" aria-hidden="true" focusable="false">
              <Line quality={quality} from={{ x: 2, y: 8 }} to={{ x: 42, y: 8 }} />
            </svg>
            <Text size="sm" span>
              {tieQualities.labels[quality]}
              {quality === 'belastet' ? ' (rot, gezackt)' : quality === 'schwach' ? ' (gestrichelt)' : ''}
            </Text>
          </li>
        ))}
        <li>
          <svg width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="8" fill="#ffffff" stroke={INK} strokeWidth="2" />
          </svg>
          <Text size="sm" span>
            Kreis: {tieKinds.labels.person}
          </Text>
        </li>
        <li>
          <svg width="20" height="20" aria-hidden="true" focusable="false">
            <rect x="2" y="2" width="16" height="16" rx="2" fill="#ffffff" stroke={INK} strokeWidth="2" />
          </svg>
          <Text size="sm" span>
            Quadrat: {tieKinds.labels.institution}
          </Text>
        </li>
        <li>
          <Text size="sm" span>
            Innerer Ring: Nähe 1 (nah), äußerer Ring: Nähe 3 (fern)
          </Text>
        </li>
      </ul>
    </Stack>
  );
}
