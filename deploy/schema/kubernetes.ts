/**
 * The Kubernetes API objects that manifests in `deploy/k8s/` may hold, by `apiVersion/kind`, with
 * the types of the `kubernetes-types` package (generated from the Kubernetes API's OpenAPI
 * definitions). A manifest is checked as an object literal of its type, so an unknown field, a
 * missing required field or a value of the wrong type fails; an `apiVersion/kind` missing here
 * fails too (add it when a manifest needs a new kind).
 */
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { ConfigMap, Namespace, PersistentVolumeClaim, Secret, Service, ServiceAccount } from 'kubernetes-types/core/v1';
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Ingress, NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Role, RoleBinding } from 'kubernetes-types/rbac/v1';

/** An object as a manifest must write it: `apiVersion`, `kind` and `metadata` are required. */
type Manifest<T extends { apiVersion?: string; kind?: string; metadata?: unknown }> =
  T & Required<Pick<T, 'apiVersion' | 'kind' | 'metadata'>>;

export interface KubernetesObjects {
  'v1/ConfigMap': Manifest<ConfigMap>;
  'v1/Namespace': Manifest<Namespace>;
  'v1/PersistentVolumeClaim': Manifest<PersistentVolumeClaim>;
  'v1/Secret': Manifest<Secret>;
  'v1/Service': Manifest<Service>;
  'v1/ServiceAccount': Manifest<ServiceAccount>;
  'apps/v1/DaemonSet': Manifest<DaemonSet>;
  'apps/v1/Deployment': Manifest<Deployment>;
  'apps/v1/StatefulSet': Manifest<StatefulSet>;
  'autoscaling/v2/HorizontalPodAutoscaler': Manifest<HorizontalPodAutoscaler>;
  'batch/v1/CronJob': Manifest<CronJob>;
  'batch/v1/Job': Manifest<Job>;
  'networking.k8s.io/v1/Ingress': Manifest<Ingress>;
  'networking.k8s.io/v1/NetworkPolicy': Manifest<NetworkPolicy>;
  'policy/v1/PodDisruptionBudget': Manifest<PodDisruptionBudget>;
  'rbac.authorization.k8s.io/v1/Role': Manifest<Role>;
  'rbac.authorization.k8s.io/v1/RoleBinding': Manifest<RoleBinding>;
}
