import { useQuery } from "@apollo/client/react";
import { Group, Select } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RegionLevel } from "../../gql/graphql";
import { REGIONS } from "./graphql/regions.query";
import { regionChain } from "./region-chain";

const LEVELS: RegionLevel[] = ["PROVINCE", "REGENCY", "DISTRICT", "VILLAGE"];

type Props = {
  /** The deepest chosen code, "" for none. */
  value: string;
  onChange: (code: string) => void;
  /** How deep the cascade goes: 3 stops at districts, 4 reaches villages. */
  depth?: 3 | 4;
  /** Codes above this cannot be changed (a user limited to a region). */
  lockedCode?: string | null;
  error?: string;
  required?: boolean;
};

/** Province → regency → district (→ village) selects; choosing a level clears the ones below. */
export function RegionCascade({ value, onChange, depth = 3, lockedCode, error, required }: Props) {
  // A user limited to a region always sees that region chosen, even with no filter set.
  const chain = regionChain(value || lockedCode);
  const locked = regionChain(lockedCode);
  return (
    <Group gap="xs" align="flex-start" wrap="wrap">
      {LEVELS.slice(0, depth).map((level, index) => {
        const parent = index === 0 ? null : chain[index - 1];
        // A level is shown once its parent is chosen (provinces always).
        if (index > 0 && !parent) return null;
        return (
          <RegionSelect
            key={level}
            level={level}
            parentCode={parent ?? null}
            value={chain[index] ?? null}
            disabled={index < locked.length}
            // The error sits on the last select shown: the level still to choose.
            error={index === Math.min(chain.length, depth - 1) ? error : undefined}
            required={required}
            onChange={(code) => onChange(code ?? (parent || ""))}
          />
        );
      })}
    </Group>
  );
}

function RegionSelect(props: {
  level: RegionLevel;
  parentCode: string | null;
  value: string | null;
  disabled: boolean;
  error?: string;
  required?: boolean;
  onChange: (code: string | null) => void;
}) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(REGIONS, {
    variables: props.parentCode
      ? { parentCode: props.parentCode }
      : { level: "PROVINCE" as RegionLevel },
  });
  const options = (data?.regions ?? []).map((r) => ({ value: r.code, label: r.name }));
  // Until the list arrives, keep the chosen code visible rather than a blank select.
  if (props.value && !options.some((o) => o.value === props.value)) {
    options.push({ value: props.value, label: props.value });
  }
  return (
    <Select
      label={t(`region.level.${props.level}`)}
      placeholder={loading ? t("common.loading") : t("region.choose")}
      data={options}
      value={props.value}
      onChange={props.onChange}
      searchable
      clearable={!props.disabled}
      disabled={props.disabled}
      error={props.error}
      w={220}
      comboboxProps={{ withinPortal: true }}
      nothingFoundMessage={t("common.nothingFound")}
    />
  );
}
