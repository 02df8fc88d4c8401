use std::pin::Pin;
use std::sync::Arc;

use arrow_flight::decode::FlightRecordBatchStream;
use arrow_flight::encode::FlightDataEncoderBuilder;
use arrow_flight::error::FlightError;
use arrow_flight::flight_descriptor::DescriptorType;
use arrow_flight::flight_service_server::FlightService;
use arrow_flight::{
    Action, ActionType, Criteria, Empty, FlightData, FlightDescriptor, FlightEndpoint, FlightInfo,
    HandshakeRequest, HandshakeResponse, PollInfo, PutResult, SchemaAsIpc, SchemaResult, Ticket,
};
use arrow_ipc::writer::IpcWriteOptions;
use bytes::Bytes;
use futures::{Stream, StreamExt, TryStreamExt};
use serde::{Deserialize, Serialize};
use tonic::metadata::MetadataValue;
use tonic::{Request, Response, Status, Streaming};

use crate::actions::{self, ActionContext, PEER_ACTIONS};
use crate::auth::{check_peer_secret, Authenticator, Role};
use crate::store::{DatasetStore, DatasetSummary, StoreError};

#[derive(Debug, Serialize, Deserialize)]
pub struct TicketBody {
    pub dataset: String,
    pub since_ms: Option<i64>,
}

pub struct MetricsFlightService {
    pub store: Arc<DatasetStore>,
    pub auth: Arc<Authenticator>,
    pub actions: Arc<ActionContext>,
    pub peer_secret: String,
}

fn store_status(err: StoreError) -> Status {
    match err {
        StoreError::NotFound(_) => Status::not_found(err.to_string()),
        StoreError::InvalidName(_) | StoreError::SchemaMismatch(_) => {
            Status::invalid_argument(err.to_string())
        }
        _ => Status::internal(err.to_string()),
    }
}

fn flight_status(err: FlightError) -> Status {
    match err {
        FlightError::Tonic(status) => status,
        other => Status::internal(other.to_string()),
    }
}

fn dataset_from_descriptor(descriptor: &FlightDescriptor) -> Result<String, Status> {
    if descriptor.r#type != DescriptorType::Path as i32 {
        return Err(Status::invalid_argument(
            "only path descriptors are supported",
        ));
    }
    descriptor
        .path
        .first()
        .cloned()
        .ok_or_else(|| Status::invalid_argument("descriptor path is empty"))
}

fn flight_info(summary: &DatasetSummary) -> Result<FlightInfo, Status> {
    let ticket = serde_json::to_vec(&TicketBody {
        dataset: summary.name.clone(),
        since_ms: None,
    })
    .map_err(|e| Status::internal(e.to_string()))?;
    FlightInfo::new()
        .try_with_schema(&summary.schema)
        .map_err(|e| Status::internal(e.to_string()))
        .map(|info| {
            info.with_descriptor(FlightDescriptor::new_path(vec![summary.name.clone()]))
                .with_endpoint(FlightEndpoint::new().with_ticket(Ticket::new(ticket)))
                .with_total_records(summary.rows as i64)
        })
}

type BoxedStream<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send + 'static>>;

#[tonic::async_trait]
impl FlightService for MetricsFlightService {
    type HandshakeStream = BoxedStream<HandshakeResponse>;
    type ListFlightsStream = BoxedStream<FlightInfo>;
    type DoGetStream = BoxedStream<FlightData>;
    type DoPutStream = BoxedStream<PutResult>;
    type DoActionStream = BoxedStream<arrow_flight::Result>;
    type ListActionsStream = BoxedStream<ActionType>;
    type DoExchangeStream = BoxedStream<FlightData>;

    async fn handshake(
        &self,
        request: Request<Streaming<HandshakeRequest>>,
    ) -> Result<Response<Self::HandshakeStream>, Status> {
        let (token, claims) = self.auth.login(request.metadata())?;
        tracing::info!(user = %claims.user, role = ?claims.role, "handshake");
        let reply = HandshakeResponse {
            protocol_version: 0,
            payload: Bytes::from(token.clone()),
        };
        let mut response: Response<Self::HandshakeStream> =
            Response::new(futures::stream::iter(vec![Ok(reply)]).boxed());
        let header = MetadataValue::try_from(format!("Bearer {token}"))
            .map_err(|_| Status::internal("token is not a valid header value"))?;
        response.metadata_mut().insert("authorization", header);
        Ok(response)
    }

    async fn list_flights(
        &self,
        request: Request<Criteria>,
    ) -> Result<Response<Self::ListFlightsStream>, Status> {
        self.auth.authorize(&request, Role::Reader)?;
        let prefix = String::from_utf8_lossy(&request.get_ref().expression).into_owned();
        let infos: Vec<Result<FlightInfo, Status>> = self
            .store
            .list()
            .iter()
            .filter(|s| s.name.starts_with(&prefix))
            .map(flight_info)
            .collect();
        Ok(Response::new(futures::stream::iter(infos).boxed()))
    }

    async fn get_flight_info(
        &self,
        request: Request<FlightDescriptor>,
    ) -> Result<Response<FlightInfo>, Status> {
        self.auth.authorize(&request, Role::Reader)?;
        let name = dataset_from_descriptor(request.get_ref())?;
        let summary = self.store.summary(&name).map_err(store_status)?;
        Ok(Response::new(flight_info(&summary)?))
    }

    async fn poll_flight_info(
        &self,
        _request: Request<FlightDescriptor>,
    ) -> Result<Response<PollInfo>, Status> {
        // Datasets are always complete; clients use get_flight_info.
        Err(Status::unimplemented(
            "long-running queries are not supported",
        ))
    }

    async fn get_schema(
        &self,
        request: Request<FlightDescriptor>,
    ) -> Result<Response<SchemaResult>, Status> {
        self.auth.authorize(&request, Role::Reader)?;
        let name = dataset_from_descriptor(request.get_ref())?;
        let summary = self.store.summary(&name).map_err(store_status)?;
        let result: SchemaResult = SchemaAsIpc::new(&summary.schema, &IpcWriteOptions::default())
            .try_into()
            .map_err(|e: arrow_schema::ArrowError| Status::internal(e.to_string()))?;
        Ok(Response::new(result))
    }

    async fn do_get(
        &self,
        request: Request<Ticket>,
    ) -> Result<Response<Self::DoGetStream>, Status> {
        let claims = self.auth.authorize(&request, Role::Reader)?;
        let ticket: TicketBody = serde_json::from_slice(&request.get_ref().ticket)
            .map_err(|_| Status::invalid_argument("malformed ticket"))?;
        let (schema, batches) = self
            .store
            .read_batches(&ticket.dataset, ticket.since_ms)
            .map_err(store_status)?;
        tracing::info!(user = %claims.user, dataset = %ticket.dataset, batches = batches.len(), "do_get");
        let stream = FlightDataEncoderBuilder::new()
            .with_schema(schema)
            .build(futures::stream::iter(batches.into_iter().map(Ok)))
            .map_err(flight_status);
        Ok(Response::new(stream.boxed()))
    }

    async fn do_put(
        &self,
        request: Request<Streaming<FlightData>>,
    ) -> Result<Response<Self::DoPutStream>, Status> {
        let mut incoming = request.into_inner();
        let first = incoming
            .message()
            .await?
            .ok_or_else(|| Status::invalid_argument("empty upload"))?;
        let descriptor = first
            .flight_descriptor
            .clone()
            .ok_or_else(|| Status::invalid_argument("first message must carry a descriptor"))?;
        let name = dataset_from_descriptor(&descriptor)?;

        let all = futures::stream::once(async move { Ok(first) }).chain(incoming);
        let batches: Vec<_> =
            FlightRecordBatchStream::new_from_flight_data(all.map_err(FlightError::from))
                .try_collect()
                .await
                .map_err(flight_status)?;

        let rows = self.store.append(&name, batches).map_err(store_status)?;
        self.store.persist(&name).ok();
        if let Err(err) = self.actions.catalog.register(&name, rows).await {
            tracing::warn!(dataset = %name, %err, "catalog registration deferred");
        }

        let result = PutResult {
            app_metadata: Bytes::from(format!("{{\"rows\":{rows}}}")),
        };
        Ok(Response::new(
            futures::stream::iter(vec![Ok(result)]).boxed(),
        ))
    }

    async fn do_action(
        &self,
        request: Request<Action>,
    ) -> Result<Response<Self::DoActionStream>, Status> {
        let kind = request.get_ref().r#type.clone();
        let claims = if PEER_ACTIONS.contains(&kind.as_str()) {
            check_peer_secret(request.metadata(), &self.peer_secret)?;
            None
        } else {
            let needed = actions::required_role(&kind)
                .ok_or_else(|| Status::invalid_argument(format!("unknown action {kind}")))?;
            Some(self.auth.authorize(&request, needed)?)
        };

        let results = actions::run(&self.actions, request.into_inner(), claims.as_ref()).await?;
        let stream = futures::stream::iter(
            results
                .into_iter()
                .map(|body| Ok(arrow_flight::Result { body })),
        );
        Ok(Response::new(stream.boxed()))
    }

    // The action catalogue is public so clients can discover it before the handshake;
    // do_action checks the token for each call.
    async fn list_actions(
        &self,
        _request: Request<Empty>,
    ) -> Result<Response<Self::ListActionsStream>, Status> {
        let types: Vec<Result<ActionType, Status>> =
            actions::action_types().into_iter().map(Ok).collect();
        Ok(Response::new(futures::stream::iter(types).boxed()))
    }

    async fn do_exchange(
        &self,
        _request: Request<Streaming<FlightData>>,
    ) -> Result<Response<Self::DoExchangeStream>, Status> {
        Err(Status::unimplemented(
            "do_exchange is not offered by this server",
        ))
    }
}
