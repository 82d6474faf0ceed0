// Who the demo's workers are: occupation mix, per-district local colour, the share of women
// per occupation, and which neighbouring regency's NIK a Klaten resident may carry.
// scale-seed reuses the occupation mix and the female shares.

import { Occupation } from "@sertakan/schema";

export const OCCUPATION_WEIGHTS: ReadonlyArray<readonly [Occupation, number]> = [
  [Occupation.FARMER, 30],
  [Occupation.TRADER, 22],
  [Occupation.LABOURER, 12],
  [Occupation.HOUSEHOLD_HELPER, 8],
  [Occupation.STREET_VENDOR, 8],
  [Occupation.LIVESTOCK_BREEDER, 6],
  [Occupation.CRAFTSPERSON, 5],
  [Occupation.DRIVER, 4],
  [Occupation.FISHER, 1],
  [Occupation.OTHER, 4],
];

// Local colour: Merapi slopes keep dairy cattle, Bayat has pottery and Rawa Jombor, Pedan
// weaves lurik, Ceper casts metal, Polanharjo/Tulung farm fish, the town trades.
export const DISTRICT_OCCUPATION_FACTORS: Readonly<
  Record<string, Partial<Record<Occupation, number>>>
> = {
  "33.10.01": { [Occupation.STREET_VENDOR]: 1.6, [Occupation.OTHER]: 1.3 },
  "33.10.04": { [Occupation.CRAFTSPERSON]: 3, [Occupation.FISHER]: 5 },
  "33.10.09": { [Occupation.LIVESTOCK_BREEDER]: 2.5 },
  "33.10.10": { [Occupation.LIVESTOCK_BREEDER]: 2 },
  "33.10.11": { [Occupation.LABOURER]: 2, [Occupation.CRAFTSPERSON]: 1.8 },
  "33.10.12": { [Occupation.CRAFTSPERSON]: 2.5 },
  "33.10.14": { [Occupation.CRAFTSPERSON]: 2 },
  "33.10.16": { [Occupation.FARMER]: 1.4 },
  "33.10.17": { [Occupation.FISHER]: 5 },
  "33.10.19": { [Occupation.FISHER]: 4 },
  "33.10.21": { [Occupation.LIVESTOCK_BREEDER]: 3.5, [Occupation.FARMER]: 1.2 },
  "33.10.24": {
    [Occupation.FARMER]: 0.4,
    [Occupation.TRADER]: 1.6,
    [Occupation.STREET_VENDOR]: 2,
    [Occupation.DRIVER]: 1.8,
    [Occupation.HOUSEHOLD_HELPER]: 1.5,
  },
  "33.10.25": {
    [Occupation.FARMER]: 0.3,
    [Occupation.TRADER]: 1.8,
    [Occupation.STREET_VENDOR]: 2.2,
    [Occupation.DRIVER]: 1.8,
    [Occupation.HOUSEHOLD_HELPER]: 1.6,
  },
  "33.10.26": {
    [Occupation.FARMER]: 0.5,
    [Occupation.TRADER]: 1.5,
    [Occupation.STREET_VENDOR]: 1.8,
    [Occupation.DRIVER]: 1.6,
    [Occupation.HOUSEHOLD_HELPER]: 1.4,
  },
};

export const FEMALE_SHARE: Readonly<Record<Occupation, number>> = {
  [Occupation.FARMER]: 0.45,
  [Occupation.TRADER]: 0.65,
  [Occupation.LIVESTOCK_BREEDER]: 0.3,
  [Occupation.FISHER]: 0.1,
  [Occupation.HOUSEHOLD_HELPER]: 0.92,
  [Occupation.DRIVER]: 0.04,
  [Occupation.LABOURER]: 0.3,
  [Occupation.STREET_VENDOR]: 0.55,
  [Occupation.CRAFTSPERSON]: 0.55,
  [Occupation.OTHER]: 0.5,
};

// Which neighbour's NIK a Klaten resident is likely to carry: the north borders Boyolali,
// the east and south-east Sukoharjo.
export const BOYOLALI_NIK_DISTRICTS = [
  "33.09.08",
  "33.09.09",
  "33.09.04",
  "33.09.03",
  "33.09.07",
  "33.09.06",
  "33.09.10",
];
export const SUKOHARJO_NIK_DISTRICTS = [
  "33.11.11",
  "33.11.01",
  "33.11.03",
  "33.11.10",
  "33.11.02",
  "33.11.12",
];
export const NORTH_DISTRICTS = new Set([
  "33.10.14",
  "33.10.15",
  "33.10.16",
  "33.10.17",
  "33.10.18",
  "33.10.19",
  "33.10.20",
  "33.10.21",
]);
export const EAST_DISTRICTS = new Set(["33.10.04", "33.10.05", "33.10.06", "33.10.12", "33.10.13"]);
