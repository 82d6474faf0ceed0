import { Button, Group, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";

/**
 * Keyset pages kept in the URL (`after`, `page`): "next" pushes the end cursor, "previous"
 * is the browser's own back, since a keyset cursor cannot be walked backwards.
 */
export function CursorPager({
  endCursor,
  hasNextPage,
}: {
  endCursor?: string | null;
  hasNextPage?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const page = Number(params.get("page")) || 1;
  return (
    <Group justify="space-between">
      <Text size="sm">{t("common.page", { page })}</Text>
      <Group>
        <Button variant="default" disabled={page <= 1} onClick={() => navigate(-1)}>
          {t("common.previous")}
        </Button>
        <Button
          variant="default"
          disabled={!hasNextPage || !endCursor}
          onClick={() => {
            const next = new URLSearchParams(params);
            next.set("after", endCursor ?? "");
            next.set("page", String(page + 1));
            setParams(next);
          }}
        >
          {t("common.next")}
        </Button>
      </Group>
    </Group>
  );
}
