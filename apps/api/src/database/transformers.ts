import { ValueTransformer } from "typeorm";

// pg returns bigint as a string to stay exact; rupiah amounts fit a JS integer (< 2^53).
export const bigintAsNumber: ValueTransformer = {
  from: (value: string | null) => (value === null ? null : Number(value)),
  to: (value: number | null) => value,
};

// Months are stored as the first day of the month; the API speaks YYYY-MM.
export const dateAsYearMonth: ValueTransformer = {
  from: (value: string | null) => (value === null ? null : value.slice(0, 7)),
  to: (value: string | null) => (value === null || value === undefined ? value : `${value}-01`),
};
