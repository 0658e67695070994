import asyncio
import threading

from adapters.security.argon2_hasher import Argon2PasswordHasher


async def test_hash_and_verify(hasher: Argon2PasswordHasher) -> None:
    password_hash = await hasher.hash("correct horse")
    assert password_hash.startswith("$argon2id$")
    assert await hasher.verify(password_hash, "correct horse")
    assert not await hasher.verify(password_hash, "wrong horse")


async def test_no_account_and_malformed_hashes_never_match(hasher: Argon2PasswordHasher) -> None:
    assert not await hasher.verify(None, "anything")
    assert not await hasher.verify("not-a-hash", "anything")
    assert hasher.needs_rehash("not-a-hash")


async def test_hashes_run_off_the_event_loop_and_at_most_n_at_once() -> None:
    hasher = Argon2PasswordHasher(
        time_cost=2, memory_cost_kib=16 * 1024, parallelism=1, max_concurrency=2
    )
    ticks = 0
    done = asyncio.Event()
    threads_before = set(threading.enumerate())

    async def heartbeat() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            await asyncio.sleep(0)

    beat = asyncio.create_task(heartbeat())
    try:
        await asyncio.gather(*(hasher.hash(f"password {n}") for n in range(6)))
    finally:
        done.set()
        await beat
        hashing_threads = [
            t for t in set(threading.enumerate()) - threads_before if t.name.startswith("argon2")
        ]
        hasher.close()
    # The loop kept turning while six hashes ran, and no more than two threads hashed.
    assert ticks > 50
    assert 1 <= len(hashing_threads) <= 2
