import { createTheme, darken, luminance, type CSSVariablesResolver } from "@mantine/core";

// BPJS Ketenagakerjaan's green; system fonts only (the CSP allows no font hosts).
export const theme = createTheme({
  primaryColor: "teal",
  // White on teal-9 is 5:1, on Mantine's default teal-6 2.5:1 (WCAG AA asks 4.5:1);
  // links and filled buttons of every colour take shade 9.
  primaryShade: { light: 9, dark: 8 },
  // Black, not white, on a light filled colour (yellow).
  autoContrast: true,
  defaultRadius: "sm",
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  components: {
    // A table wider than a phone scrolls in its box; focusable, the keyboard scrolls it too.
    // A plain object, not TableScrollContainer.extend(): the theme loads with the sign-in
    // page, which must not pull in the table and scroll-area code.
    TableScrollContainer: {
      defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
    },
  },
});

const AA = 4.5;

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `color` darkened just enough to read at 4.5:1 on `background`. */
function readableOn(color: string, background: string): string {
  for (let amount = 0; amount < 1; amount += 0.05) {
    const candidate = amount ? darken(color, amount) : color;
    if (contrast(candidate, background) >= AA) return candidate;
  }
  return "#000";
}

/**
 * Text colours that keep 4.5:1 in the light scheme (MantineProvider's cssVariablesResolver):
 * Mantine's dimmed grey is 3.3:1 on white, its error red 3.3:1, and a light badge or the
 * active nav link writes shade 9 on shade 1, under 4.5:1 for teal, green, orange and yellow.
 */
export const cssVariablesResolver: CSSVariablesResolver = ({ colors }) => {
  const light: Record<string, string> = {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
  };
  for (const [name, shades] of Object.entries(colors)) {
    if (!Array.isArray(shades)) continue;
    // Against shade 2, the light variant's hover (the pointer rests on a nav link just clicked).
    light[`--mantine-color-${name}-light-color`] = readableOn(shades[9], shades[2]);
    // Outlined badges and coloured text (c="red") sit on white or a striped row's grey-0.
    light[`--mantine-color-${name}-outline`] = readableOn(shades[9], colors.gray[0]);
    light[`--mantine-color-${name}-text`] = readableOn(shades[9], colors.gray[0]);
  }
  return { variables: {}, light, dark: {} };
};
