import { Button, Group, TextInput } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { defaultStatementPeriod, isStatementPeriod, statementUrl } from "./document-urls";

/** Months from and to, and a link that opens the donor's statement (PDF) in a new tab. */
export function StatementButton({ donorId, now }: { donorId: string; now?: Date }) {
  const { t } = useTranslation();
  const [period, setPeriod] = useState(() => defaultStatementPeriod(now));
  const valid = isStatementPeriod(period.from, period.to);
  return (
    <Group align="flex-end" gap="xs">
      <TextInput
        type="month"
        size="xs"
        label={t("documents.from")}
        value={period.from}
        onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })}
        error={valid ? undefined : t("documents.badPeriod")}
      />
      <TextInput
        type="month"
        size="xs"
        label={t("documents.to")}
        value={period.to}
        onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })}
      />
      {valid ? (
        <Button
          component="a"
          size="xs"
          variant="default"
          href={statementUrl(donorId, period.from, period.to)}
          target="_blank"
          rel="noopener"
        >
          {t("documents.statement")}
        </Button>
      ) : (
        <Button size="xs" variant="default" disabled>
          {t("documents.statement")}
        </Button>
      )}
    </Group>
  );
}
