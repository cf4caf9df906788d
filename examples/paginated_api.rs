//! An API pagination wrapper as an async generator: records are yielded
//! one by one, page by page, from an HTTP server on loopback (started by
//! the example itself, with hyper). The next page is requested only when
//! the consumer pulls past the last record of the current one, so taking
//! the first six records of a five-page listing fetches two pages.
//!
//! The Python shape it follows:
//!
//! ```python
//! async def records(session, url):
//!     page = 0
//!     while page is not None:
//!         print(f"client: fetching page {page}")
//!         body = await (await session.get(f"{url}?page={page}")).json()
//!         for record in body["records"]:
//!             yield record
//!         page = body["next"]
//!
//! async for record in records(session, url):   # stops after six
//!     ...
//! ```
//!
//! ```text
//! cargo run --example paginated_api
//! ```

use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::pin;

use futures::StreamExt;
use gen_runtime::generator;
use http_body_util::{BodyExt, Empty, Full};
use hyper::body::Bytes;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpStream};

const PAGES: u64 = 5;
const PER_PAGE: u64 = 4;

/// The server's one route: `GET /records?page=N`.
async fn serve_page(
    request: Request<hyper::body::Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let page: u64 = request
        .uri()
        .query()
        .and_then(|q| q.strip_prefix("page="))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    println!("server: page {page} requested");
    let records: Vec<Value> = (0..PER_PAGE)
        .map(|i| {
            let id = page * PER_PAGE + i;
            json!({ "id": id, "name": format!("record-{id}") })
        })
        .collect();
    let next = (page + 1 < PAGES).then_some(page + 1);
    let body = json!({ "records": records, "next": next }).to_string();
    Ok(Response::new(Full::new(Bytes::from(body))))
}

/// Starts the server on a free loopback port; it serves until the example
/// ends.
async fn start_server() -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let service = hyper::service::service_fn(serve_page);
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok(addr)
}

/// Why the listing stopped early: the last item before it ends.
#[derive(Debug)]
enum ApiError {
    Http(String),
    Json(serde_json::Error),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Http(e) => write!(f, "http: {e}"),
            ApiError::Json(e) => write!(f, "bad page: {e}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// Every record of the listing, fetching each page only when the consumer
/// reaches it. One connection is kept open for all pages; the return value
/// is the number of pages fetched.
#[generator(yield = Result<Value, ApiError>)]
async fn records(addr: SocketAddr) -> u64 {
    let stream = match TcpStream::connect(addr).await {
        Ok(stream) => stream,
        Err(e) => {
            r#yield!(Err(ApiError::Http(e.to_string())));
            return 0;
        }
    };
    let Ok((mut sender, connection)) =
        hyper::client::conn::http1::handshake(TokioIo::new(stream)).await
    else {
        r#yield!(Err(ApiError::Http("handshake failed".into())));
        return 0;
    };
    tokio::spawn(connection);

    let mut page = Some(0u64);
    let mut fetched = 0;
    while let Some(n) = page {
        println!("client: fetching page {n}");
        let request = Request::get(format!("http://{addr}/records?page={n}"))
            .body(Empty::<Bytes>::new())
            .expect("a valid request");
        let body = match sender.send_request(request).await {
            Ok(response) => match response.into_body().collect().await {
                Ok(body) => body.to_bytes(),
                Err(e) => {
                    r#yield!(Err(ApiError::Http(e.to_string())));
                    return fetched;
                }
            },
            Err(e) => {
                r#yield!(Err(ApiError::Http(e.to_string())));
                return fetched;
            }
        };
        fetched += 1;
        let listing: Value = match serde_json::from_slice(&body) {
            Ok(listing) => listing,
            Err(e) => {
                r#yield!(Err(ApiError::Json(e)));
                return fetched;
            }
        };
        // Borrowed from `listing` across each yield: the page stays in the
        // generator while the consumer works through it.
        for record in listing["records"].as_array().into_iter().flatten() {
            r#yield!(Ok(record.clone()));
        }
        page = listing["next"].as_u64();
    }
    fetched
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let addr = start_server().await?;

    println!("-- the first six records");
    let mut listing = pin!(records(addr));
    let mut taken = 0;
    while let Some(record) = listing.next().await {
        let record = record?;
        println!("consumer: {}", record["name"]);
        taken += 1;
        if taken == 6 {
            break;
        }
    }
    // Closing drops the connection and the page held; no more requests.
    listing.as_mut().close();

    println!("-- all records");
    let mut listing = pin!(records(addr));
    let mut count = 0;
    while let Some(record) = listing.next().await {
        record?;
        count += 1;
    }
    let pages = listing.as_mut().take_return().unwrap_or(0);
    println!("consumer: {count} records from {pages} pages");
    assert_eq!((count, pages), (PAGES * PER_PAGE, PAGES));
    Ok(())
}
