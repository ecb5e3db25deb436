import { describe, expect, it } from "vitest";
import { createGroupCommitter } from "@/lib/signals/group-commit";

describe("group commit", () => {
  it("writes requests that arrive together in one group and answers each only after it is written", async () => {
    const groups: number[][] = [];
    let written = false;
    const committer = createGroupCommitter<number, number>(async (items) => {
      groups.push(items);
      written = true;
      return items.map((item) => item * 2);
    });
    const answers = Array.from({ length: 50 }, (_, index) =>
      committer.submit(index).then((result) => {
        expect(written).toBe(true);
        return result;
      }),
    );
    expect(written).toBe(false);
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 50 }, (_, index) => index * 2));
    expect(groups).toHaveLength(1);
    expect(groups[0]).toHaveLength(50);
  });

  it("starts a new group for requests that come after a write", async () => {
    const sizes: number[] = [];
    const committer = createGroupCommitter<string, string>(async (items) => {
      sizes.push(items.length);
      return items;
    });
    await Promise.all([committer.submit("a"), committer.submit("b")]);
    await committer.submit("c");
    expect(sizes).toEqual([2, 1]);
  });

  it("rejects every caller of a group whose write failed, and keeps working afterwards", async () => {
    let fail = true;
    const committer = createGroupCommitter<number, number>(async (items) => {
      if (fail) throw new Error("disk full");
      return items;
    });
    const results = await Promise.allSettled([committer.submit(1), committer.submit(2)]);
    expect(results.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    fail = false;
    await expect(committer.submit(3)).resolves.toBe(3);
  });

  it("with several writers, starts the next group while one is still being written, never more at once", async () => {
    let open = 0;
    let most = 0;
    const releases: (() => void)[] = [];
    const committer = createGroupCommitter<number, number>(
      async (items) => {
        open += 1;
        most = Math.max(most, open);
        await new Promise<void>((resolve) => releases.push(resolve));
        open -= 1;
        return items;
      },
      { writers: 2 },
    );
    const first = committer.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    const second = committer.submit(2);
    await new Promise((resolve) => setImmediate(resolve));
    const third = committer.submit(3);
    await new Promise((resolve) => setImmediate(resolve));
    // Two groups are being written; the third waits for one of them.
    expect(releases).toHaveLength(2);
    releases.shift()?.();
    await expect(first).resolves.toBe(1);
    await expect.poll(() => releases.length).toBe(2);
    for (const release of releases.splice(0)) release();
    expect(await Promise.all([second, third])).toEqual([2, 3]);
    expect(most).toBe(2);
  });
});
