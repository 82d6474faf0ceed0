import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  Badge,
  Button,
  Card,
  Code,
  CopyButton,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../gql/graphql";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { formatDateTime } from "../../lib/format";
import { refreshAfterWrite } from "../../lib/refresh";
import { RegionCascade } from "../regions/region-cascade";
import { API_KEYS } from "./graphql/api-keys.query";
import { CREATE_API_KEY } from "./graphql/create-api-key.mutation";
import { REVOKE_API_KEY } from "./graphql/revoke-api-key.mutation";
import { RoleSelect } from "./role-select";

/** Keys for regional offices' programs; a secret is shown once, when it is made. */
export function ApiKeysPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(API_KEYS);
  const [revoke] = useMutation(REVOKE_API_KEY, refreshAfterWrite(["apiKeys"]));
  const [secret, setSecret] = useState<string | null>(null);

  const revokeKey = async (id: string, name: string) => {
    if (!window.confirm(t("apiKeys.confirmRevoke", { name }))) return;
    try {
      await revoke({ variables: { id } });
      notifications.show({ message: t("apiKeys.revoked") });
    } catch (e) {
      notifications.show({ color: "red", message: describeError(e, t) });
    }
  };

  return (
    <Stack>
      <Title order={1}>{t("apiKeys.title")}</Title>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      {secret && (
        <Alert
          color="yellow"
          title={t("apiKeys.secretTitle")}
          withCloseButton
          onClose={() => setSecret(null)}
        >
          <Text size="sm" mb="xs">
            {t("apiKeys.secretOnce")}
          </Text>
          <Group>
            <Code>{secret}</Code>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Button size="xs" variant="default" onClick={copy}>
                  {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("workers.name")}</Table.Th>
              <Table.Th>{t("users.role")}</Table.Th>
              <Table.Th>{t("users.scope")}</Table.Th>
              <Table.Th>{t("apiKeys.created")}</Table.Th>
              <Table.Th>{t("apiKeys.lastUsed")}</Table.Th>
              <Table.Th>{t("sponsorship.status")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.apiKeys.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td>{k.name}</Table.Td>
                <Table.Td>{t(`role.${k.role}`)}</Table.Td>
                <Table.Td>{k.regionScope?.name ?? t("users.national")}</Table.Td>
                <Table.Td>{formatDateTime(k.createdAt)}</Table.Td>
                <Table.Td>{formatDateTime(k.lastUsedAt) || "—"}</Table.Td>
                <Table.Td>
                  {k.revoked ? (
                    <Badge color="gray" variant="light">
                      {t("apiKeys.revokedBadge")}
                    </Badge>
                  ) : (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => revokeKey(k.id, k.name)}
                    >
                      {t("apiKeys.revoke")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NewKeyForm onCreated={setSecret} />
    </Stack>
  );
}

type Values = { name: string; role: Role | ""; regionScope: string };

function NewKeyForm({ onCreated }: { onCreated: (secret: string) => void }) {
  const { t } = useTranslation();
  const [create, { loading }] = useMutation(CREATE_API_KEY, refreshAfterWrite(["apiKeys"]));
  const form = useForm<Values>({
    initialValues: { name: "", role: "VIEWER", regionScope: "" },
    validate: {
      name: (v) => (v.trim() ? null : t("form.required")),
      role: (v) => (v ? null : t("form.required")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      const { data } = await create({
        variables: {
          name: v.name.trim(),
          role: v.role as Role,
          regionScope: v.regionScope || null,
        },
      });
      onCreated(data!.createApiKey.secret);
      form.reset();
    } catch (e) {
      const fields = fieldErrorsOf(e, t);
      if (Object.keys(fields).length) form.setErrors(fields);
      else notifications.show({ color: "red", message: describeError(e, t) });
    }
  });
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("apiKeys.add")}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t("apiKeys.add")}>
        <Stack maw={720}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("workers.name")} required {...form.getInputProps("name")} />
            <RoleSelect required {...form.getInputProps("role")} />
          </SimpleGrid>
          <Fieldset legend={t("users.scopeHint")} variant="unstyled">
            <RegionCascade
              value={form.values.regionScope}
              onChange={(code) => form.setFieldValue("regionScope", code)}
              error={form.errors.regionScope as string | undefined}
            />
          </Fieldset>
          <Group>
            <Button type="submit" loading={loading}>
              {t("apiKeys.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
