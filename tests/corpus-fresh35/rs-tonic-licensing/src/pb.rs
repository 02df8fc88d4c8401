//! Messages and service traits for `licensing.v1`, kept by hand in the shape
//! tonic-build generates. The `tower::Service` routing impls of the two servers
//! are elided here; they follow tonic-build 0.12 output unchanged.

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct IssueRequest {
    #[prost(string, tag = "1")]
    pub customer_id: ::prost::alloc::string::String,
    #[prost(string, tag = "2")]
    pub product: ::prost::alloc::string::String,
    #[prost(uint32, tag = "3")]
    pub seats: u32,
    #[prost(uint32, tag = "4")]
    pub ttl_days: u32,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct License {
    #[prost(string, tag = "1")]
    pub id: ::prost::alloc::string::String,
    #[prost(string, tag = "2")]
    pub customer_id: ::prost::alloc::string::String,
    #[prost(string, tag = "3")]
    pub product: ::prost::alloc::string::String,
    #[prost(uint32, tag = "4")]
    pub seats: u32,
    #[prost(int64, tag = "5")]
    pub expires_at: i64,
    #[prost(string, tag = "6")]
    pub token: ::prost::alloc::string::String,
    #[prost(bool, tag = "7")]
    pub revoked: bool,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct VerifyRequest {
    #[prost(string, tag = "1")]
    pub token: ::prost::alloc::string::String,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct VerifyResponse {
    #[prost(bool, tag = "1")]
    pub valid: bool,
    #[prost(string, tag = "2")]
    pub reason: ::prost::alloc::string::String,
    #[prost(message, optional, tag = "3")]
    pub license: ::core::option::Option<License>,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct RevokeRequest {
    #[prost(string, tag = "1")]
    pub license_id: ::prost::alloc::string::String,
    #[prost(string, tag = "2")]
    pub reason: ::prost::alloc::string::String,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct ListRequest {
    #[prost(string, tag = "1")]
    pub customer_id: ::prost::alloc::string::String,
    #[prost(uint32, tag = "2")]
    pub page_size: u32,
    #[prost(string, tag = "3")]
    pub page_token: ::prost::alloc::string::String,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct ListResponse {
    #[prost(message, repeated, tag = "1")]
    pub licenses: ::prost::alloc::vec::Vec<License>,
    #[prost(string, tag = "2")]
    pub next_page_token: ::prost::alloc::string::String,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct SetQuotaRequest {
    #[prost(string, tag = "1")]
    pub customer_id: ::prost::alloc::string::String,
    #[prost(string, tag = "2")]
    pub product: ::prost::alloc::string::String,
    #[prost(uint32, tag = "3")]
    pub max_seats: u32,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct RotateKeyRequest {
    #[prost(string, tag = "1")]
    pub new_key_id: ::prost::alloc::string::String,
}

#[derive(Clone, PartialEq, ::prost::Message)]
pub struct Crl {
    #[prost(string, repeated, tag = "1")]
    pub revoked_ids: ::prost::alloc::vec::Vec<::prost::alloc::string::String>,
    #[prost(int64, tag = "2")]
    pub generated_at: i64,
}

#[derive(Clone, Copy, PartialEq, ::prost::Message)]
pub struct Empty {}

pub mod licensing_server {
    use tonic::codegen::*;

    #[async_trait]
    pub trait Licensing: std::marker::Send + std::marker::Sync + 'static {
        async fn issue(
            &self,
            request: tonic::Request<super::IssueRequest>,
        ) -> Result<tonic::Response<super::License>, tonic::Status>;
        async fn verify(
            &self,
            request: tonic::Request<super::VerifyRequest>,
        ) -> Result<tonic::Response<super::VerifyResponse>, tonic::Status>;
        async fn revoke(
            &self,
            request: tonic::Request<super::RevokeRequest>,
        ) -> Result<tonic::Response<super::Empty>, tonic::Status>;
        async fn list(
            &self,
            request: tonic::Request<super::ListRequest>,
        ) -> Result<tonic::Response<super::ListResponse>, tonic::Status>;
    }

    #[derive(Debug)]
    pub struct LicensingServer<T> {
        inner: Arc<T>,
    }

    impl<T> LicensingServer<T> {
        pub fn new(inner: T) -> Self {
            Self { inner: Arc::new(inner) }
        }

        pub fn with_interceptor<F>(inner: T, interceptor: F) -> InterceptedService<Self, F>
        where
            F: tonic::service::Interceptor,
        {
            InterceptedService::new(Self::new(inner), interceptor)
        }
    }

    impl<T> Clone for LicensingServer<T> {
        fn clone(&self) -> Self {
            Self { inner: self.inner.clone() }
        }
    }

    pub const SERVICE_NAME: &str = "licensing.v1.Licensing";

    impl<T> tonic::server::NamedService for LicensingServer<T> {
        const NAME: &'static str = SERVICE_NAME;
    }
}

pub mod admin_server {
    use tonic::codegen::*;

    #[async_trait]
    pub trait Admin: std::marker::Send + std::marker::Sync + 'static {
        async fn set_quota(
            &self,
            request: tonic::Request<super::SetQuotaRequest>,
        ) -> Result<tonic::Response<super::Empty>, tonic::Status>;
        async fn rotate_signing_key(
            &self,
            request: tonic::Request<super::RotateKeyRequest>,
        ) -> Result<tonic::Response<super::Empty>, tonic::Status>;
        async fn export_crl(
            &self,
            request: tonic::Request<super::Empty>,
        ) -> Result<tonic::Response<super::Crl>, tonic::Status>;
    }

    #[derive(Debug)]
    pub struct AdminServer<T> {
        inner: Arc<T>,
    }

    impl<T> AdminServer<T> {
        pub fn new(inner: T) -> Self {
            Self { inner: Arc::new(inner) }
        }

        pub fn from_arc(inner: Arc<T>) -> Self {
            Self { inner }
        }

        pub fn with_interceptor<F>(inner: T, interceptor: F) -> InterceptedService<Self, F>
        where
            F: tonic::service::Interceptor,
        {
            InterceptedService::new(Self::new(inner), interceptor)
        }
    }

    impl<T> Clone for AdminServer<T> {
        fn clone(&self) -> Self {
            Self { inner: self.inner.clone() }
        }
    }

    pub const SERVICE_NAME: &str = "licensing.v1.Admin";

    impl<T> tonic::server::NamedService for AdminServer<T> {
        const NAME: &'static str = SERVICE_NAME;
    }
}

pub mod entitlements_client {
    use tonic::codegen::*;

    /// Client for the upstream `entitlements.v1.Entitlements` service.
    #[derive(Debug, Clone)]
    pub struct EntitlementsClient<T> {
        inner: tonic::client::Grpc<T>,
    }

    impl<T> EntitlementsClient<T>
    where
        T: tonic::client::GrpcService<tonic::body::BoxBody>,
        T::Error: Into<StdError>,
        T::ResponseBody: Body<Data = Bytes> + std::marker::Send + 'static,
        <T::ResponseBody as Body>::Error: Into<StdError> + std::marker::Send,
    {
        pub fn new(inner: T) -> Self {
            Self { inner: tonic::client::Grpc::new(inner) }
        }

        pub async fn max_seats(
            &mut self,
            request: impl tonic::IntoRequest<super::SetQuotaRequest>,
        ) -> Result<tonic::Response<super::SetQuotaRequest>, tonic::Status> {
            self.inner
                .ready()
                .await
                .map_err(|e| tonic::Status::unknown(format!("Service was not ready: {}", e.into())))?;
            let codec = tonic::codec::ProstCodec::default();
            let path = http::uri::PathAndQuery::from_static("/entitlements.v1.Entitlements/MaxSeats");
            self.inner.unary(request.into_request(), path, codec).await
        }
    }
}
