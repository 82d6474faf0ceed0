import { useMutation, useQuery } from "@apollo/client/react";
import {
  Alert,
  Button,
  Card,
  Fieldset,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useTranslation } from "react-i18next";
import type { Role } from "../../gql/graphql";
import { describeError, fieldErrorsOf } from "../../lib/errors";
import { refreshAfterWrite } from "../../lib/refresh";
import { RegionCascade } from "../regions/region-cascade";
import { CREATE_USER } from "./graphql/create-user.mutation";
import { USERS } from "./graphql/users.query";
import { RoleSelect } from "./role-select";

export function UsersPage() {
  const { t } = useTranslation();
  const { data, error } = useQuery(USERS);
  return (
    <Stack>
      <Title order={1}>{t("users.title")}</Title>
      {error && <Alert color="red">{describeError(error, t)}</Alert>}
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t("workers.name")}</Table.Th>
              <Table.Th>{t("signIn.email")}</Table.Th>
              <Table.Th>{t("users.role")}</Table.Th>
              <Table.Th>{t("users.scope")}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.users.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>{t(`role.${u.role}`)}</Table.Td>
                <Table.Td>{u.regionScope?.name ?? t("users.national")}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <NewUserForm />
    </Stack>
  );
}

type Values = {
  name: string;
  email: string;
  password: string;
  role: Role | "";
  regionScope: string;
};

function NewUserForm() {
  const { t } = useTranslation();
  const [create, { loading }] = useMutation(CREATE_USER, refreshAfterWrite(["users"]));
  const form = useForm<Values>({
    initialValues: { name: "", email: "", password: "", role: "", regionScope: "" },
    validate: {
      name: (v) => (v.trim() ? null : t("form.required")),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : t("signIn.emailInvalid")),
      password: (v) => (v.length >= 10 ? null : t("users.passwordShort")),
      role: (v) => (v ? null : t("form.required")),
    },
  });
  const submit = form.onSubmit(async (v) => {
    try {
      await create({
        variables: {
          input: {
            name: v.name.trim(),
            email: v.email.trim(),
            password: v.password,
            role: v.role as Role,
            regionScope: v.regionScope || null,
          },
        },
      });
      notifications.show({ color: "teal", message: t("users.created") });
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
        {t("users.add")}
      </Title>
      <form onSubmit={submit} noValidate aria-label={t("users.add")}>
        <Stack maw={720}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t("workers.name")} required {...form.getInputProps("name")} />
            <TextInput
              label={t("signIn.email")}
              type="email"
              required
              {...form.getInputProps("email")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              label={t("signIn.password")}
              description={t("users.passwordHint")}
              required
              autoComplete="new-password"
              {...form.getInputProps("password")}
            />
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
              {t("users.add")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
