import { Badge, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatRupiah } from "../../lib/format";
import { type PreviewRow, needsPick } from "./bank-rows";
import { DonorPicker } from "./donor-picker";

const OUTCOME_COLOR: Record<string, string> = {
  RECORDED: "teal",
  READY: "blue",
  ALREADY_RECORDED: "gray",
  UNMATCHED: "yellow",
  ERROR: "red",
};

type Props = {
  rows: PreviewRow[];
  onPick: (line: number, donor: { id: string; name: string } | null) => void;
};

/** The file's rows with the donor each matched (and how), a picker where none did, and the answer. */
export function BankPreview({ rows, onPick }: Props) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("bankImport.line")}</Table.Th>
            <Table.Th>{t("bankImport.paidOn")}</Table.Th>
            <Table.Th>{t("bankImport.amount")}</Table.Th>
            <Table.Th>{t("bankImport.reference")}</Table.Th>
            <Table.Th>{t("bankImport.payerName")}</Table.Th>
            <Table.Th>{t("bankImport.donor")}</Table.Th>
            <Table.Th>{t("bankImport.result")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const line = r.input.line;
            const res = r.result;
            return (
              <Table.Tr key={line}>
                <Table.Td>{line}</Table.Td>
                <Table.Td>{r.input.paidOn}</Table.Td>
                <Table.Td>
                  {res?.amount != null ? formatRupiah(res.amount) : r.input.amount}
                </Table.Td>
                <Table.Td>{r.input.reference}</Table.Td>
                <Table.Td>{r.input.payerName ?? "—"}</Table.Td>
                <Table.Td>
                  {needsPick(r) ? (
                    <DonorPicker
                      label={t("bankImport.pickDonor", { line })}
                      value={r.picked}
                      onChange={(donor) => onPick(line, donor)}
                    />
                  ) : res?.donor ? (
                    <>
                      <Text size="sm">{res.donor.name}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`bankImport.match.${res.match}`)}
                      </Text>
                    </>
                  ) : (
                    "—"
                  )}
                </Table.Td>
                <Table.Td>
                  {res && (
                    <Badge color={OUTCOME_COLOR[res.outcome]} variant="light">
                      {t(`bankImport.outcome.${res.outcome}`)}
                    </Badge>
                  )}
                  {res?.error && (
                    <Text size="xs" c="red">
                      {res.error.code}: {res.error.message}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
