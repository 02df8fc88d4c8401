process.env.JWT_SECRET = "test-secret-changeme";
process.env.INTERNAL_API_KEY = "internal-test-key";
process.env.STRIPE_SECRET_KEY = "sk_test_dummy";
process.env.NODE_ENV = "test";
