//! The seed article's `async for row in stream_rows(conn)`: an async
//! generator paging through a real SQLite database, filtering rows as they
//! stream, in constant memory (one page of rows at a time).
//!
//! SQLite's API blocks, so each page is queried on tokio's blocking pool
//! (`spawn_blocking`), the connection moving there and back; the generator
//! awaits that and yields the page's rows one by one. The database file is
//! created and filled on the first run (100 000 orders), in the system's
//! temporary directory.
//!
//! The Python shape it follows:
//!
//! ```python
//! async def stream_rows(conn, min_cents, page_size=500):
//!     last_id = 0
//!     while True:
//!         rows = await conn.fetch("SELECT id, customer, cents FROM orders "
//!                                 "WHERE id > $1 ORDER BY id LIMIT $2", last_id, page_size)
//!         if not rows:
//!             return
//!         for row in rows:
//!             if row["cents"] >= min_cents:
//!                 yield row
//!         last_id = rows[-1]["id"]
//!
//! async for row in stream_rows(conn, 50_000):
//!     totals[row["customer"]] += row["cents"]
//! ```
//!
//! ```text
//! cargo run --example stream_rows
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::pin::pin;

use futures::StreamExt;
use gen_runtime::generator;
use rusqlite::{Connection, params};

const ORDERS: i64 = 100_000;
const PAGE_SIZE: i64 = 500;

#[derive(Debug, Clone)]
struct Order {
    id: i64,
    customer: String,
    cents: i64,
}

/// Creates the database on the first run: 100 000 orders from 40
/// customers, amounts from a fixed pseudo-random sequence.
fn open_database(path: &Path) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open(path)?;
    conn.execute(
        "CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, customer TEXT NOT NULL, cents INTEGER NOT NULL)",
        [],
    )?;
    let count: i64 = conn.query_row("SELECT COUNT(*) FROM orders", [], |row| row.get(0))?;
    if count < ORDERS {
        println!("creating {} with {ORDERS} orders", path.display());
        let tx = conn.transaction()?;
        tx.execute("DELETE FROM orders", [])?;
        {
            let mut insert =
                tx.prepare("INSERT INTO orders (id, customer, cents) VALUES (?1, ?2, ?3)")?;
            let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
            for id in 1..=ORDERS {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let customer = format!("customer-{:02}", seed % 40);
                let cents = (seed >> 20) % 100_000;
                insert.execute(params![id, customer, cents as i64])?;
            }
        }
        tx.commit()?;
    }
    Ok(conn)
}

/// One page after `after_id`, queried on the blocking pool; the connection
/// comes back with the rows.
async fn fetch_page(conn: Connection, after_id: i64) -> (Connection, rusqlite::Result<Vec<Order>>) {
    tokio::task::spawn_blocking(move || {
        let rows = (|| {
            let mut query = conn.prepare_cached(
                "SELECT id, customer, cents FROM orders WHERE id > ?1 ORDER BY id LIMIT ?2",
            )?;
            let rows = query.query_map(params![after_id, PAGE_SIZE], |row| {
                Ok(Order {
                    id: row.get(0)?,
                    customer: row.get(1)?,
                    cents: row.get(2)?,
                })
            })?;
            rows.collect()
        })();
        (conn, rows)
    })
    .await
    .expect("the query task panicked")
}

/// Orders of at least `min_cents`, streamed page by page (keyset
/// pagination). Returns how many pages it read.
#[generator(yield = rusqlite::Result<Order>)]
async fn stream_rows(conn: Connection, min_cents: i64) -> u64 {
    let mut conn = conn;
    let mut last_id = 0;
    let mut pages = 0;
    loop {
        let (back, page) = fetch_page(conn, last_id).await;
        conn = back;
        let rows = match page {
            Ok(rows) if rows.is_empty() => return pages,
            Ok(rows) => rows,
            Err(e) => {
                r#yield!(Err(e));
                return pages;
            }
        };
        pages += 1;
        // The page is borrowed across each yield; only this page is held.
        for row in &rows {
            if row.cents >= min_cents {
                r#yield!(Ok(row.clone()));
            }
        }
        last_id = rows.last().map_or(last_id, |row| row.id);
    }
}

fn database_path() -> PathBuf {
    std::env::temp_dir().join("gen-runtime-stream-rows.sqlite3")
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let conn = open_database(&database_path())?;

    let mut rows = pin!(stream_rows(conn, 95_000));
    let mut totals: BTreeMap<String, (u64, i64)> = BTreeMap::new();
    let mut matched = 0u64;
    while let Some(row) = rows.next().await {
        let row = row?;
        let entry = totals.entry(row.customer).or_default();
        entry.0 += 1;
        entry.1 += row.cents;
        matched += 1;
    }
    let pages = rows.as_mut().take_return().unwrap_or(0);

    let mut top: Vec<_> = totals.into_iter().collect();
    top.sort_by(|a, b| b.1.1.cmp(&a.1.1).then(a.0.cmp(&b.0)));
    println!("orders of at least $950.00: {matched} (read in {pages} pages of {PAGE_SIZE})");
    for (customer, (count, cents)) in top.iter().take(5) {
        println!(
            "  {customer}  {count:>4} orders  ${}.{:02}",
            cents / 100,
            cents % 100
        );
    }
    assert_eq!(pages, (ORDERS / PAGE_SIZE) as u64);
    Ok(())
}
