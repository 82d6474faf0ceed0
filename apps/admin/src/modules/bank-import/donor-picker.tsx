import { useQuery } from "@apollo/client/react";
import { Select } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { BANK_DONOR_OPTIONS } from "./graphql/bank-donor-options.query";

type Donor = { id: string; name: string };
type Props = {
  label: string;
  value: Donor | null;
  onChange: (donor: Donor | null) => void;
};

/** A searchable donor picker: the API searches the names in the caller's scope. */
export function DonorPicker({ label, value, onChange }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  // Once a donor is chosen the box shows its label: that is no new search.
  const term = search === chosenLabel ? "" : search.trim();
  const [debounced] = useDebouncedValue(term, 300);
  const { data } = useQuery(BANK_DONOR_OPTIONS, {
    variables: { filter: debounced ? { search: debounced } : null },
  });
  const found = data?.donors.nodes ?? [];
  // Names repeat (several donors are "Hamba Allah"): the number and region tell them apart.
  const options = found.map((d) => ({
    value: d.id,
    label: [d.name, d.accountNumber, d.region.name].filter(Boolean).join(" · "),
  }));
  if (value && !options.some((o) => o.value === value.id))
    options.unshift({ value: value.id, label: chosenLabel ?? value.name });
  return (
    <Select
      aria-label={label}
      placeholder={t("bankImport.pickPlaceholder")}
      data={options}
      value={value?.id ?? null}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The API has already filtered by name; keep its order.
      filter={({ options: all }) => all}
      nothingFoundMessage={t("common.nothingFound")}
      onChange={(id, option) => {
        const donor = found.find((d) => d.id === id);
        setChosenLabel(id && option ? option.label : null);
        onChange(id ? { id, name: donor?.name ?? value?.name ?? option?.label ?? "" } : null);
      }}
      size="xs"
      miw={240}
    />
  );
}
