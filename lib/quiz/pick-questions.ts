// Choosing an attempt's questions from a shuffled pool. Some questions give each other away (one's
// wording states the other's answer, e.g. a classify statement quoting the sentence a reading
// question asks about); the bank records such pairs in `notWith`, and an attempt takes the first of
// a pair it meets and passes over the other.

/** Each question's enemies, both ways: "a is not with b" also keeps b from a. */
export function enemiesOf(questions: readonly { id: string; notWith?: readonly string[] | undefined }[]): Map<string, Set<string>> {
  const enemies = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = enemies.get(a) ?? new Set<string>();
    set.add(b);
    enemies.set(a, set);
  };
  for (const question of questions) {
    for (const other of question.notWith ?? []) {
      add(question.id, other);
      add(other, question.id);
    }
  }
  return enemies;
}

/**
 * Up to `length` ids in the pool's order, skipping any whose enemy is already taken. A pool with
 * enemies may give a shorter quiz only when it has too few questions left to fill it.
 */
export function pickQuestions(pool: readonly string[], length: number, enemies: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const picked: string[] = [];
  const barred = new Set<string>();
  for (const id of pool) {
    if (picked.length >= length) break;
    if (barred.has(id)) continue;
    picked.push(id);
    for (const enemy of enemies.get(id) ?? []) barred.add(enemy);
  }
  return picked;
}
