use std::time::Instant;

use iron::prelude::*;
use iron::{AfterMiddleware, AroundMiddleware, Handler};

/// Logs every response, including ones produced by an error.
pub struct RequestLog;

impl AfterMiddleware for RequestLog {
    fn after(&self, req: &mut Request, res: Response) -> IronResult<Response> {
        log::info!(
            "{} {} -> {}",
            req.method,
            req.url,
            res.status.map(|s| s.to_u16()).unwrap_or(200)
        );
        Ok(res)
    }

    fn catch(&self, req: &mut Request, err: IronError) -> IronResult<Response> {
        log::warn!("{} {} failed: {}", req.method, req.url, err.error);
        Err(err)
    }
}

/// Adds an `X-Response-Time` header measured around the whole chain.
pub struct ResponseTime;

struct Timed<H: Handler> {
    inner: H,
}

impl<H: Handler> Handler for Timed<H> {
    fn handle(&self, req: &mut Request) -> IronResult<Response> {
        let started = Instant::now();
        let result = self.inner.handle(req);
        let elapsed = format!("{}ms", started.elapsed().as_millis());
        result.map(|mut res| {
            res.headers
                .set_raw("X-Response-Time", vec![elapsed.into_bytes()]);
            res
        })
    }
}

impl AroundMiddleware for ResponseTime {
    fn around(self, handler: Box<dyn Handler>) -> Box<dyn Handler> {
        Box::new(Timed { inner: handler })
    }
}
