import DataLoader from "dataloader";
import { DataSource, In } from "typeorm";
import { oneByKey } from "../../graphql/loader-order";
import { Sponsorship } from "../sponsorship/sponsorship.entity";
import { DonorReminder } from "./reminder.entity";
import { ReminderService } from "./reminder.service";

export function reminderLoaders(db: DataSource, reminders: ReminderService) {
  return {
    // Donor.reminders' first page, batched across the donors of a list (keyed by page size).
    donorRemindersFirstPage: new DataLoader<
      { donorId: string; first: number },
      { rows: DonorReminder[]; total: number },
      string
    >(
      async (keys) => {
        const bySize = new Map<number, string[]>();
        for (const k of keys) bySize.set(k.first, [...(bySize.get(k.first) ?? []), k.donorId]);
        const pages = new Map<string, { rows: DonorReminder[]; total: number }>();
        for (const [first, donorIds] of bySize) {
          const found = await reminders.firstPages(donorIds, first);
          donorIds.forEach((id, i) => pages.set(`${id}:${first}`, found[i]));
        }
        return keys.map((k) => pages.get(`${k.donorId}:${k.first}`)!);
      },
      { cacheKeyFn: (k) => `${k.donorId}:${k.first}` },
    ),
    // DonorReminder.sponsorships.
    reminderSponsorshipById: new DataLoader<string, Sponsorship | null>(async (ids) =>
      oneByKey(ids, await db.getRepository(Sponsorship).findBy({ id: In([...ids]) }), (s) => s.id),
    ),
  };
}
