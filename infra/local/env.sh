#!/usr/bin/env bash
# Points every port at the loopback servers `npm run infra:up` starts, then runs the given command.
# Any variable already set in the environment wins, so one store can be pointed elsewhere.
export EMPORIUM_KAFKA_BROKERS="${EMPORIUM_KAFKA_BROKERS:-127.0.0.1:9092}"
export EMPORIUM_SCHEMA_REGISTRY_URL="${EMPORIUM_SCHEMA_REGISTRY_URL:-http://127.0.0.1:8081/apis/ccompat/v7}"
export EMPORIUM_MONGO_URL="${EMPORIUM_MONGO_URL:-mongodb://127.0.0.1:27017/emporium}"
export EMPORIUM_ELASTICSEARCH_URL="${EMPORIUM_ELASTICSEARCH_URL:-http://127.0.0.1:9200}"
export EMPORIUM_CASSANDRA_URL="${EMPORIUM_CASSANDRA_URL:-cassandra://127.0.0.1:9042/emporium}"
export EMPORIUM_ORDERS_DB_URL="${EMPORIUM_ORDERS_DB_URL:-mysql://root@127.0.0.1:3306/emporium_orders}"
export EMPORIUM_USERS_DB_URL="${EMPORIUM_USERS_DB_URL:-mysql://root@127.0.0.1:3306/emporium_users}"
export EMPORIUM_CART_DB_URL="${EMPORIUM_CART_DB_URL:-mysql://root@127.0.0.1:3306/emporium_cart}"
export EMPORIUM_WISHLIST_DB_URL="${EMPORIUM_WISHLIST_DB_URL:-mysql://root@127.0.0.1:3306/emporium_wishlist}"
export EMPORIUM_REDIS_URL="${EMPORIUM_REDIS_URL:-redis://127.0.0.1:6379}"
exec "$@"
